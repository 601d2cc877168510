using Alerts.Core.Places;
using Alerts.Core.Text;

namespace Alerts.Core.Tests.Places;

public sealed class GazetteerTests
{
    private static readonly Gazetteer Gazetteer = Gazetteer.Default;

    [Theory]
    [InlineData("Stepanakert")]
    [InlineData("Khankendi")]
    [InlineData("Xankəndi")]
    [InlineData("Xankendi")]
    public void Resolve_Exonyms_GiveOnePlace(string name)
    {
        var place = Gazetteer.Resolve(name, ["AZ", "AM"]);

        Assert.NotNull(place);
        Assert.Equal("Stepanakert", place.Name);
        Assert.Equal("AZ", place.Country);
    }

    [Theory]
    [InlineData("Azerbaijani", "AZ")]
    [InlineData("Azeri", "AZ")]
    [InlineData("Armenians", "AM")]
    [InlineData("Turkish", "TR")]
    [InlineData("Ukrainian", "UA")]
    public void Jurisdiction_Demonyms_ResolveToCountries(string demonym, string iso)
    {
        Assert.Equal(iso, Gazetteer.Jurisdiction(TextFold.Fold(demonym))?.Country);
    }

    [Theory]
    [InlineData("Karabakh")]
    [InlineData("Artsakh")]
    [InlineData("Nagorno Karabakh")]
    public void Jurisdiction_RegionAliases_ResolveToOverlayRegion(string name)
    {
        Assert.Equal("R:nagorno-karabakh", Gazetteer.Jurisdiction(TextFold.Fold(name))?.Id);
    }

    [Fact]
    public void Resolve_AmbiguousName_PrefersWatchCountriesThenPopulation()
    {
        Assert.Equal("UA", Gazetteer.Resolve("Odessa", ["UA"])!.Country);
        Assert.Equal("UA", Gazetteer.Resolve("Odessa")!.Country);
        Assert.Equal("US", Gazetteer.Resolve("Odessa", ["US"])!.Country);
    }

    [Fact]
    public void CountryOfCapital_Metonyms()
    {
        Assert.Equal("AZ", Gazetteer.CountryOfCapital("baku")?.Country);
        Assert.Equal("AM", Gazetteer.CountryOfCapital("yerevan")?.Country);
    }

    [Fact]
    public void Fold_AzerbaijaniLettersAndAccents()
    {
        Assert.Equal("terter", TextFold.Fold("Tərtər"));
        Assert.Equal("sumqayit", TextFold.Fold("Sumqayıt"));
        Assert.Equal("nagorno karabakh", TextFold.Fold("Nagorno–Karabakh"));
    }
}
