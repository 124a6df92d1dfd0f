using GatewayQkd.Adapters;

namespace GatewayQkd.Core.Tests.Crypto;

/// <summary>The host's buffered CSPRNG source: every request gets bytes no other request got, at every size.</summary>
public sealed class CryptoRandomSourceTests
{
    private readonly CryptoRandomSource _source = new();

    [Fact]
    public void Salts_Across_Many_Buffer_Refills_Are_All_Distinct()
    {
        // 20,000 16-byte salts span about 300 refills of the buffer; a position that did not advance, a refill that did
        // not happen or a wrap that served the buffer again would repeat a salt (chance for real random: about 2^-100).
        var seen = new HashSet<string>();
        for (int i = 0; i < 20_000; i++)
        {
            var salt = new byte[16];
            _source.NextBytes(salt);

            Assert.True(seen.Add(Convert.ToHexString(salt)), $"salt {i} repeats an earlier one");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(CryptoRandomSource.DirectLimit)]
    [InlineData(CryptoRandomSource.DirectLimit + 1)]
    [InlineData(CryptoRandomSource.BufferSize * 3)]
    public void Requests_Of_Every_Size_Are_Filled_And_Differ_From_Each_Other(int length)
    {
        // Filled: over 32 requests (at least 32 bytes) no byte position stays zero in all of them unless the bytes
        // were never written (chance for real random: 32 x 256^-32 at most).
        var previous = new HashSet<string>();
        var touched = new bool[length];
        for (int i = 0; i < 32; i++)
        {
            var bytes = new byte[length];
            _source.NextBytes(bytes);
            for (int j = 0; j < length; j++)
            {
                touched[j] |= bytes[j] != 0;
            }

            if (length >= 7)
            {
                Assert.True(previous.Add(Convert.ToHexString(bytes)), $"request {i} of {length} bytes repeats an earlier one");
            }
        }

        Assert.All(touched, Assert.True);
    }

    [Fact]
    public void Threads_Drawing_At_Once_Never_Get_The_Same_Salt()
    {
        var salts = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 8, _ =>
        {
            for (int i = 0; i < 2_000; i++)
            {
                var salt = new byte[16];
                _source.NextBytes(salt);
                salts.Add(Convert.ToHexString(salt));
            }
        });

        Assert.Equal(16_000, salts.Distinct().Count());
    }

    [Fact]
    public void A_Null_Buffer_Is_Refused()
    {
        Assert.Throws<ArgumentNullException>(() => _source.NextBytes(null!));
    }
}
