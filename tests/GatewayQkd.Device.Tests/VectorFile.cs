using System.Collections;
using System.IO;
using System.Text;
using TestFrameworkShared;

namespace GatewayQkd.Device.Tests
{
    /// <summary>
    /// Reads a vectors file deployed to the board's I:\ drive (tests/GatewayQkd.Device.Tests/README.md: nanoff
    /// --filedeployment with deploy.json). A missing file fails the test with the command to run, never skips it.
    /// </summary>
    public static class VectorFile
    {
        /// <summary>Returns the lines of <paramref name="suite"/> in the file at <paramref name="path"/>.</summary>
        public static VectorLine[] Read(string path, string suite)
        {
            if (!File.Exists(path))
            {
                throw new AssertFailedException(path + " is missing: deploy it with nanoff --filedeployment tests/GatewayQkd.Device.Tests/deploy.json.");
            }

            byte[] bytes = File.ReadAllBytes(path);
            string[] lines = Encoding.UTF8.GetString(bytes, 0, bytes.Length).Split(new char[] { '\n' });
            ArrayList found = new ArrayList();
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].Trim();
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                VectorLine vector = VectorLine.Parse(line, i + 1);
                if (vector.Suite == suite)
                {
                    found.Add(vector);
                }
            }

            if (found.Count == 0)
            {
                throw new AssertFailedException(path + " has no vectors of suite '" + suite + "'.");
            }

            return (VectorLine[])found.ToArray(typeof(VectorLine));
        }
    }
}
