using Alerts.Core.Text;

namespace Alerts.Core.Tests.Text;

public sealed class NumberParserTests
{
    [Theory]
    [InlineData("4,000 soldiers", 4000)]
    [InlineData("4000 soldiers", 4000)]
    [InlineData("five drones", 5)]
    [InlineData("twenty-two people", 22)]
    [InlineData("two dozen villages", 24)]
    [InlineData("three hundred troops", 300)]
    [InlineData("1.5 million people", 1500000)]
    public void Find_Counts_ParsesValue(string text, long expected)
    {
        var n = NumberParser.Find(text)[0];

        Assert.Equal(expected, n.Value);
        Assert.False(n.IsYear);
        Assert.False(n.Approximate);
    }

    [Theory]
    [InlineData("thousands of people", 2000)]
    [InlineData("dozens of civilians", 24)]
    [InlineData("hundreds killed", 200)]
    [InlineData("tens of thousands fled", 20000)]
    public void Find_VagueQuantities_AreApproximateLowerBounds(string text, long expected)
    {
        var n = Assert.Single(NumberParser.Find(text));

        Assert.True(n.Approximate);
        Assert.Equal(expected, n.Value);
    }

    [Theory]
    [InlineData("in 1994 the war ended")]
    [InlineData("April 2016 clashes")]
    [InlineData("a 1994 ceasefire")]
    public void Find_Years_AreMarked(string text)
    {
        Assert.True(NumberParser.Find(text)[0].IsYear);
    }

    [Fact]
    public void Find_Percentages_AreMarked()
    {
        Assert.True(NumberParser.Find("50% of the population")[0].IsPercent);
        Assert.True(NumberParser.Find("40 percent of homes")[0].IsPercent);
    }

    [Fact]
    public void Find_YearSizedCount_IsNotAYear()
    {
        Assert.False(NumberParser.Find("2000 soldiers crossed")[0].IsYear);
    }
}
