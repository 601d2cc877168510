using Alerts.Core.Storage;

namespace Alerts.Storage.Tests.Tables;

public sealed class TableKeyTests
{
    [Theory]
    [InlineData("plain-key_1", "plain-key_1")]
    [InlineData("https://news.example/a?b=1#c", "https:%2F%2Fnews.example%2Fa%3Fb=1%23c")]
    [InlineData("50%", "50%25")]
    [InlineData("back\\slash", "back%5Cslash")]
    [InlineData("tab\there", "tab%09here")]
    [InlineData("c1\u0085", "c1%85")]
    public void Encode_ForbiddenCharacters_AreEscaped(string key, string expected)
    {
        Assert.Equal(expected, TableKey.Encode(key));
        Assert.Equal(key, TableKey.Decode(expected));
    }

    [Fact]
    public void EncodeDecode_RandomText_RoundTripsAndNeverContainsForbidden()
    {
        var random = new Random(42);
        for (var i = 0; i < 2000; i++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = (char)random.Next(0, 0x0200);
            }

            var key = new string(chars);
            var encoded = TableKey.Encode(key);

            Assert.Equal(key, TableKey.Decode(encoded));
            Assert.DoesNotContain(encoded, c => c is '/' or '\\' or '#' or '?' || c < 0x20 || (c >= 0x7F && c <= 0x9F));
        }
    }

    [Fact]
    public void Filter_Literals_AreTypedAndQuoted()
    {
        Assert.Equal("PartitionKey eq 'o''brien%2Fco'", TableFilter.PartitionKeyEquals("o'brien/co"));
        Assert.Equal("Count ge 5L", TableFilter.Compare("Count", "ge", 5L));
        Assert.Equal("When lt datetime'2024-05-01T00:00:00.0000000Z'", TableFilter.Compare("When", "lt", new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal("(A eq 1) and (B eq true)", TableFilter.And(TableFilter.Compare("A", "eq", 1), TableFilter.Compare("B", "eq", true)));
        Assert.Throws<ArgumentException>(() => TableFilter.Compare("A", "like", 1));
    }
}
