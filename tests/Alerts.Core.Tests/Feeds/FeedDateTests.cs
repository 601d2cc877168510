using Alerts.Core.Feeds;

namespace Alerts.Core.Tests.Feeds;

public sealed class FeedDateTests
{
    [Theory]
    [InlineData("Sat, 03 Oct 2020 07:15:00 +0300", "2020-10-03T04:15:00Z")]
    [InlineData("Sat, 3 Oct 2020 07:15 EEST", "2020-10-03T04:15:00Z")]
    [InlineData("03 Oct 2020 07:15:00 GMT", "2020-10-03T07:15:00Z")]
    [InlineData("Tue, 04 Oct 20 10:00:00 Z", "2020-10-04T10:00:00Z")]
    [InlineData("Wed, 28 October 2020 10:00:00 PT", "2020-10-28T18:00:00Z")]
    [InlineData("Mon, 12 Oct 2020 10:00:00 UTC+03:00", "2020-10-12T07:00:00Z")]
    [InlineData("Fri, 09 Oct 2020", "2020-10-09T00:00:00Z")]
    [InlineData("Sat Oct  3 07:15:00 2020", "2020-10-03T07:15:00Z")]
    [InlineData("2020-10-03T07:15:00+03:00", "2020-10-03T04:15:00Z")]
    [InlineData("2020-10-03T07:15:00.123Z", "2020-10-03T07:15:00Z")]
    [InlineData("2020-10", "2020-10-01T00:00:00Z")]
    [InlineData("20201003", "2020-10-03T00:00:00Z")]
    [InlineData("2020-10-03 07:15:00", "2020-10-03T07:15:00Z")]
    [InlineData("Wed, 2020/10/07 12:00:00 EST", "2020-10-07T17:00:00Z")]
    public void Parse_KnownForms_GiveUtc(string input, string expected)
    {
        Assert.Equal(expected, FeedDate.Format(FeedDate.Parse(input)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("Sat, 32 Oct 2020 07:15:00 GMT")]
    [InlineData("Sat, 03 Foo 2020 07:15:00 GMT")]
    [InlineData("2020-02-30")]
    [InlineData("2020-10-03T24:00:00Z")]
    [InlineData("2020-10-03T07:15:00+25:00")]
    [InlineData("Sat, 03 Oct 2020 07:15:00 +zz00")]
    public void Parse_Invalid_IsNullNotAnException(string input)
    {
        Assert.Null(FeedDate.Parse(input));
    }
}
