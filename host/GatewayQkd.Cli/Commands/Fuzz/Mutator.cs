using System.Text;

namespace GatewayQkd.Cli.Commands.Fuzz;

/// <summary>
/// Mutations of a valid input (the usual byte-level fuzzing operators, as in AFL's havoc stage): flip bits, overwrite
/// bytes with random or boundary values, insert, delete, duplicate or swap spans, truncate, extend, or replace the
/// whole input with random bytes. One to four operators per case.
/// </summary>
public static class Mutator
{
    private static readonly byte[] Boundary = [0x00, 0x01, 0x7F, 0x80, 0xFF, (byte)'"', (byte)'\n', (byte)'=', (byte)':', (byte)'{', (byte)'['];

    /// <summary>Returns a mutated copy of <paramref name="input"/>.</summary>
    public static byte[] Mutate(byte[] input, Random random)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(random);
        var data = new List<byte>(input);
        var rounds = random.Next(1, 5);
        for (var r = 0; r < rounds; r++)
        {
            var at = data.Count == 0 ? 0 : random.Next(data.Count);
            switch (random.Next(9))
            {
                case 0 when data.Count > 0:
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when data.Count > 0:
                    data[at] = (byte)random.Next(256);
                    break;
                case 2 when data.Count > 0:
                    data[at] = Boundary[random.Next(Boundary.Length)];
                    break;
                case 3:
                    data.InsertRange(at, RandomBytes(random, random.Next(1, 9)));
                    break;
                case 4 when data.Count > 0:
                    data.RemoveRange(at, Math.Min(data.Count - at, random.Next(1, 9)));
                    break;
                case 5 when data.Count > 0:
                    data.InsertRange(at, data.GetRange(at, Math.Min(data.Count - at, random.Next(1, 17))));
                    break;
                case 6 when data.Count > 1:
                    var other = random.Next(data.Count);
                    (data[at], data[other]) = (data[other], data[at]);
                    break;
                case 7:
                    data.RemoveRange(at, data.Count - at);
                    break;
                default:
                    if (random.Next(16) == 0)
                    {
                        return RandomBytes(random, random.Next(0, input.Length + 16));
                    }

                    data.AddRange(RandomBytes(random, random.Next(1, 9)));
                    break;
            }
        }

        return [.. data];
    }

    /// <summary>Returns a mutated copy of UTF-8 text (invalid UTF-8 sequences decode as U+FFFD).</summary>
    public static string Mutate(string text, Random random) => Encoding.UTF8.GetString(Mutate(Encoding.UTF8.GetBytes(text), random));

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
