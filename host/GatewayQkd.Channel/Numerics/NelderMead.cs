namespace GatewayQkd.Channel.Numerics;

/// <summary>
/// Nelder-Mead downhill simplex minimisation (Nelder and Mead, Computer Journal 7, 308, 1965; standard coefficients
/// reflection 1, expansion 2, contraction 1/2, shrink 1/2). Used on smooth, low-dimensional objectives such as the
/// finite-key rate over the basis and intensity probabilities.
/// </summary>
public static class NelderMead
{
    /// <summary>The point that minimises f, starting from a simplex of the start point and start + step e_i.</summary>
    public static double[] Minimise(Func<double[], double> f, double[] start, double step, int iterations = 400, double tolerance = 1e-10)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(start);
        var n = start.Length;
        var points = new double[n + 1][];
        var values = new double[n + 1];
        for (var i = 0; i <= n; i++)
        {
            points[i] = (double[])start.Clone();
            if (i > 0)
            {
                points[i][i - 1] += step;
            }

            values[i] = f(points[i]);
        }

        for (var iteration = 0; iteration < iterations; iteration++)
        {
            Array.Sort(values, points);
            if (Math.Abs(values[n] - values[0]) <= tolerance * (Math.Abs(values[0]) + tolerance))
            {
                break;
            }

            var centroid = new double[n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    centroid[j] += points[i][j] / n;
                }
            }

            var reflected = Along(centroid, points[n], -1);
            var fr = f(reflected);
            if (fr < values[0])
            {
                var expanded = Along(centroid, points[n], -2);
                var fe = f(expanded);
                (points[n], values[n]) = fe < fr ? (expanded, fe) : (reflected, fr);
            }
            else if (fr < values[n - 1])
            {
                (points[n], values[n]) = (reflected, fr);
            }
            else
            {
                var contracted = Along(centroid, points[n], 0.5);
                var fc = f(contracted);
                if (fc < values[n])
                {
                    (points[n], values[n]) = (contracted, fc);
                }
                else
                {
                    for (var i = 1; i <= n; i++)
                    {
                        points[i] = Along(points[0], points[i], 0.5);
                        values[i] = f(points[i]);
                    }
                }
            }
        }

        Array.Sort(values, points);
        return points[0];
    }

    // from + t (to - from).
    private static double[] Along(double[] from, double[] to, double t)
    {
        var result = new double[from.Length];
        for (var j = 0; j < from.Length; j++)
        {
            result[j] = from[j] + (t * (to[j] - from[j]));
        }

        return result;
    }
}
