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
    public void Find_EveryNameOfASampleOfEntries_FindsTheEntry()
    {
        // The build script folds names in JavaScript; lookups fold them in C#. They must agree.
        var random = new Random(7);
        var failures = new List<string>();
        for (var n = 0; n < 3000; n++)
        {
            var entry = Gazetteer.Entry(random.Next(Gazetteer.Count));
            foreach (var name in entry.Aliases.Prepend(entry.Name))
            {
                if (!Gazetteer.Find(name).Any(p => p.Id == entry.Id))
                {
                    failures.Add($"{entry.Id} '{name}' -> '{TextFold.Fold(name)}'");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void Load_TruncatedFile_FailsWithAClearMessage()
    {
        using var ms = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(ms, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write("#alerts-gazetteer\t2\t5\t5\nC:AM\tC\n"u8);
        }

        ms.Position = 0;
        var ex = Assert.Throws<FormatException>(() => Gazetteer.Load(ms));

        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fold_AzerbaijaniLettersAndAccents()
    {
        Assert.Equal("terter", TextFold.Fold("Tərtər"));
        Assert.Equal("sumqayit", TextFold.Fold("Sumqayıt"));
        Assert.Equal("nagorno karabakh", TextFold.Fold("Nagorno–Karabakh"));
    }
}
