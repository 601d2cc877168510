using Alerts.Core.Detection;

namespace Alerts.Core.Tests.Detection;

public sealed class DetectorTests
{
    private static readonly Detector Detector = new();
    private static readonly DateTimeOffset Published = new(2024, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<Indicator> Detect(string text, params string[] countries) =>
        Detector.Detect(new ArticleInput(text, Published, countries.Length == 0 ? null : countries));

    private static Indicator Fired(IReadOnlyList<Indicator> found, string type, string subject)
    {
        var hit = found.SingleOrDefault(i => i.Type == type && i.Subject.Name == subject);
        Assert.True(hit is not null, $"expected {type} {subject}; found: {string.Join("; ", found.Select(i => $"{i.Type} {i.Subject.Name}{(i.Negated ? " (" + i.Context + ")" : "")}"))}");
        return hit!;
    }

    private static void NotFired(IReadOnlyList<Indicator> found, string type, string subject) =>
        Assert.DoesNotContain(found, i => i.Type == type && i.Subject.Name == subject && !i.Negated);

    [Fact]
    public void Detect_MartialLawDeclaredByTwoActors_FiresForBoth()
    {
        var found = Detect("Georgia and Abkhazia both declared martial law on Friday. Georgia mobilised its reservists.");

        Assert.False(Fired(found, "martial_law", "Georgia").Negated);
        Assert.False(Fired(found, "martial_law", "Abkhazia").Negated);
        Assert.Equal("martial_law.declared", Fired(found, "martial_law", "Georgia").RuleId);
    }

    [Fact]
    public void Detect_MartialLawInCity_NamesTheCity()
    {
        var found = Detect("The army imposed martial law in three districts of Mandalay on Sunday, Myanmar state media said. Myanmar troops patrolled.");

        Assert.False(Fired(found, "martial_law", "Mandalay").Negated);
    }

    [Fact]
    public void Detect_ShellingOfUnknownTownCalledX_AcceptsTheNameInItsSlot()
    {
        var found = Detect("Serbia said on Monday that Kosovo units were shelling a village called Brezovica Gornja. Serbia and Kosovo traded blame.");

        Assert.False(Fired(found, "shelling", "Brezovica Gornja").Negated);
    }

    [Fact]
    public void Detect_FireFromOneCityOnAnother_OnlyTheTargetIsShelled()
    {
        var found = Detect("Rockets were fired from Horlivka at Kramatorsk overnight, Ukraine's military said. Ukraine and Russia exchanged fire.");

        Fired(found, "shelling", "Kramatorsk");
        NotFired(found, "shelling", "Horlivka");
    }

    [Fact]
    public void Detect_AttackerCountryNamed_IsNotTheTarget()
    {
        var found = Detect("Azerbaijani artillery shelled Martakert on Tuesday, Armenia said. Armenia and Azerbaijan blamed each other.");

        Fired(found, "shelling", "Martakert");
        Assert.DoesNotContain(found, i => i.Type == "shelling" && i.Subject.Name == "Azerbaijan");
    }

    [Fact]
    public void Detect_PassiveUnderFireWithApposition_FindsTheCity()
    {
        var found = Detect("Israel said Haifa, a port city of 280,000 in the north, was under fire from rockets launched by Hezbollah. Israel responded.");

        Fired(found, "shelling", "Haifa");
    }

    [Fact]
    public void Detect_ListOfCapturedVillages_FiresForEachIncludingUnknownNames()
    {
        var found = Detect("The rebels said they had seized Kalembe, Nyanzale and Bwiza Hill of Rutshuru district. Congo's army denied it. Congo said fighting continued.");

        Fired(found, "capture_claim", "Kalembe");
        Fired(found, "capture_claim", "Nyanzale");
        Fired(found, "capture_claim", "Bwiza Hill");
        NotFired(found, "capture_claim", "Rutshuru");
    }

    [Fact]
    public void Detect_TroopsSentWithGroupedDigits_ReportsActorAndCount()
    {
        var found = Detect("Russia sends 2,500 paratroopers to Kazakhstan as protests spread. Kazakhstan's president thanked Russia.");

        var troops = Fired(found, "troop_movement", "Russia");
        Assert.Equal(2500, troops.Count);
    }

    [Fact]
    public void Detect_CasualtiesInWords_TiesCountToDemonym()
    {
        var found = Detect("Twelve Ethiopian soldiers and three civilians were killed near the border, Ethiopia's army said. Eritrea did not comment.");

        var c = Fired(found, "casualties", "Ethiopia");
        Assert.Equal(12, c.Count);
        Assert.Equal("military", c.Category);
    }

    [Fact]
    public void Detect_VagueNumber_IsApproximateLowerBound()
    {
        var found = Detect("Thousands of Sudanese civilians have been killed in the fighting, Sudan's doctors union said.");

        var c = Fired(found, "casualties", "Sudan");
        Assert.True(c.CountApproximate);
        Assert.Equal(2000, c.Count);
    }

    [Fact]
    public void Detect_YearsAndPercentages_AreNotCasualtyCounts()
    {
        var found = Detect("About 40% of Yemen's population fled, and in 2015 the war began, Yemen's government said.");

        Assert.DoesNotContain(found, i => i.Type == "casualties" && !i.Negated);
    }

    [Fact]
    public void Detect_AircraftList_SumsTheCount()
    {
        var found = Detect("Ukraine's air force said it shot down three Russian helicopters and two jets over the Kherson region. Russia did not comment.");

        var a = Fired(found, "aircraft_downed", "Russia");
        Assert.Equal(5, a.Count);
    }

    [Fact]
    public void Detect_AccusedOfUsingBannedWeapon_SubjectIsTheAccused()
    {
        var found = Detect("Armenia accused Azerbaijan of using white phosphorus on forests. Azerbaijan rejected the charge.");

        Fired(found, "prohibited_weapon", "Azerbaijan");
        NotFired(found, "prohibited_weapon", "Armenia");
    }

    [Fact]
    public void Detect_Denial_IsReportedAsNegation()
    {
        var found = Detect("Belarus denied that it had sent troops into Ukraine. Ukraine said Belarus was lying.");

        var t = Fired(found, "troop_movement", "Belarus");
        Assert.True(t.Negated);
        Assert.Equal(DetectionContext.Negation, t.Context);
    }

    [Fact]
    public void Detect_ClaimRefutedLaterInSentence_IsNegation()
    {
        var found = Detect("Azerbaijan said 300 Armenian soldiers were killed, but the claim was denied by Armenia. Armenia and Azerbaijan fought on.");

        Assert.True(Fired(found, "casualties", "Armenia").Negated);
    }

    [Fact]
    public void Detect_CallForCeasefire_IsFutureNotFired()
    {
        var found = Detect("Moscow urged Armenia and Azerbaijan to declare a ceasefire. Armenia and Azerbaijan kept fighting.");

        Assert.All(found.Where(i => i.Type == "ceasefire"), i => Assert.Equal(DetectionContext.Future, i.Context));
        Assert.DoesNotContain(found, i => i.Type == "ceasefire" && !i.Negated);
    }

    [Fact]
    public void Detect_Conditional_IsHypothetical()
    {
        var found = Detect("If Turkey sends troops to Syria, Russia could respond, analysts said. Turkey and Syria are neighbours.");

        Assert.Equal(DetectionContext.Hypothetical, Fired(found, "troop_movement", "Turkey").Context);
    }

    [Fact]
    public void Detect_Announcement_IsFuture()
    {
        var found = Detect("Israel will impose a curfew in Hebron from Friday, Israel's army said.");

        Assert.Equal(DetectionContext.Future, Fired(found, "curfew", "Hebron").Context);
    }

    [Fact]
    public void Detect_EarlierWar_IsHistorical()
    {
        var found = Detect("In 2008, Russia sent troops into South Ossetia. Georgia and Russia remain hostile, Georgia said.");

        Assert.Equal(DetectionContext.Historical, Fired(found, "troop_movement", "Russia").Context);
    }

    [Fact]
    public void Detect_SinceAYear_DatesTheComparisonNotTheEvent()
    {
        var found = Detect("Azerbaijani forces shelled Stepanakert, the heaviest attack since 1994, Armenia said. Armenia and Azerbaijan blamed each other.");

        Assert.False(Fired(found, "shelling", "Stepanakert").Negated);
    }

    [Fact]
    public void Detect_DenialAndRealEventInOneSentence_KeepsThemApart()
    {
        var found = Detect("Russian forces shelled Kharkiv overnight, while reports that Ukraine had declared a curfew were denied by Ukraine. Russia and Ukraine traded blame.");

        Assert.False(Fired(found, "shelling", "Kharkiv").Negated);
        Assert.DoesNotContain(found, i => i.Type == "curfew" && !i.Negated);
    }

    [Fact]
    public void Detect_Exonyms_ResolveToOnePlace()
    {
        var a = Detect("Drones struck Khankendi overnight, Armenia said. Armenia and Azerbaijan clashed.");
        var b = Detect("Drones struck Stepanakert overnight, Armenia said. Armenia and Azerbaijan clashed.");

        Assert.Equal(Fired(a, "shelling", "Stepanakert").Subject.Id, Fired(b, "shelling", "Stepanakert").Subject.Id);
    }

    [Fact]
    public void Detect_Attribution_NamesWhoClaimsIt()
    {
        var found = Detect("Azerbaijan's defence ministry said Armenian forces shelled Terter. Armenia denied it.");

        Assert.Equal("Azerbaijan's defence ministry", Fired(found, "shelling", "Terter").ClaimedBy);
    }

    [Fact]
    public void Detect_PersonTitledEarlier_ActsForTheirCountry()
    {
        var found = Detect("Ukrainian President Volodymyr Zelensky spoke on Thursday. Zelensky ordered a general mobilisation. Ukraine and Russia are at war.");

        Fired(found, "mobilization", "Ukraine");
    }

    [Fact]
    public void Detect_RepeatedInHeadlineAndBody_ReportedOnceWithBodyEvidence()
    {
        var found = Detect("Kenya imposes curfew in Mombasa\n\nKenya imposed a curfew in Mombasa on Monday after clashes, Kenya's police said.");

        var curfew = Assert.Single(found, i => i.Type == "curfew");
        Assert.EndsWith("police said.", curfew.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_CommonWordsInLowerCase_AreNotPlaces()
    {
        var found = Detect("Troops struck mobile launchers and hit punch lines of defence, Ukraine's army said. Ukraine and Russia fought on.");

        Assert.DoesNotContain(found, i => i.Type == "shelling");
    }

    [Fact]
    public void Detect_CountryNamedOnceInPassing_IsNotAParty()
    {
        var found = Detect("Armenia and Azerbaijan fought overnight. Armenia declared martial law. Azerbaijan declared a state of war. Chile declared martial law, a translation error suggested. Armenia and Azerbaijan traded blame.");

        Fired(found, "martial_law", "Armenia");
        Fired(found, "martial_law", "Azerbaijan");
        NotFired(found, "martial_law", "Chile");
    }

    [Theory]
    [InlineData("«Armenia» declared martial law on Sunday.")]
    [InlineData("(Armenia) declared martial law on Sunday.")]
    [InlineData("Ереван: Armenia declared martial law on Sunday.")]
    [InlineData("Armenia\u00a0declared martial law on Sunday.")]
    public void Detect_NameAfterPunctuationOrNonAsciiText_IsFound(string text)
    {
        Fired(Detect(text), "martial_law", "Armenia");
    }

    [Fact]
    public void Detect_CapitalInsideAWord_DoesNotStartAName()
    {
        // "d'Armenia" and "x.Armenia" are one word each, not the country.
        var found = Detect("Officials at the d'Armenia hotel and x.Armenia declared martial law on Sunday.");

        NotFired(found, "martial_law", "Armenia");
    }

    [Fact]
    public void Detect_KeywordAfterNonAsciiWord_StillRunsItsRule()
    {
        var found = Detect("Über Nacht: Azerbaijani forces shelled Terter, Armenia's defence ministry said. Armenia and Azerbaijan traded fire.");

        Fired(found, "shelling", "Terter");
    }

    [Theory]
    [InlineData("Armenia declared martial law in 1994, officials recalled.", true)]
    [InlineData("Armenia declared martial law on Sunday, with 2,000 troops deployed.", false)]
    [InlineData("Armenia declared martial law on Sunday after 120 shells hit 12 villages.", false)]
    public void Detect_YearBeforeTheArticle_MarksHistoricalOnlyWhenAYearIsThere(string text, bool historical)
    {
        var hit = Fired(Detect(text), "martial_law", "Armenia");

        Assert.Equal(historical, hit.Context == DetectionContext.Historical);
    }

    [Fact]
    public void Detect_TakingTheVillagesOf_IsACaptureOfEach()
    {
        var found = Detect("Militants took the villages of Bargu and Selwa on Tuesday, a day after taking the town of Dorsa, the army said. Mali's army said the fighting continued.", "ML");

        Fired(found, "capture_claim", "Bargu");
        Fired(found, "capture_claim", "Selwa");
        Fired(found, "capture_claim", "Dorsa");
    }

    [Theory]
    [InlineData("The summit took place in Bamako on Monday. Mali hosted it.")]
    [InlineData("Mali's president took the decision to reopen the border. Mali said so.")]
    [InlineData("The convoy took the road to Gao. Mali's army escorted it.")]
    public void Detect_TookWithoutATownOf_IsNoCapture(string text)
    {
        Assert.DoesNotContain(Detect(text, "ML"), i => i.Type == "capture_claim");
    }

    [Fact]
    public void Detect_CurfewImposedByAuthoritiesInACity_NamesTheCity()
    {
        var found = Detect("Authorities in Mombasa imposed a curfew and ordered shops closed after the riots, police said. Kenya deployed police.", "KE");

        Fired(found, "curfew", "Mombasa");
    }

    [Theory]
    [InlineData("Rebels advanced in the Democratic Republic of Congo on Monday. Congo's army deployed 500 troops to Uvira, officials said.", "DR Congo")]
    [InlineData("Kinshasa accused the rebels of attacks. Congo's army deployed 500 troops to Uvira, officials said.", "DR Congo")]
    [InlineData("Brazzaville hosted the talks. Congo's army deployed 500 troops to the north, officials said.", "Republic of the Congo")]
    public void Detect_SharedCountryName_TakesTheOneTheArticleNames(string text, string expected)
    {
        var found = Detect(text);

        Fired(found, "troop_movement", expected);
    }

    [Fact]
    public void Detect_KillingAfterStrikesInACountry_CountsForThatCountry()
    {
        var found = Detect("Rockets struck four towns in Lebanon overnight, killing 9 people, Lebanon's health ministry said. Israel said it targeted militants.");

        Assert.Equal(9, Fired(found, "casualties", "Lebanon").Count);
    }

    [Fact]
    public void Detect_KillingAfterAStrikeOnAForeignFacility_IsNotThatCountrysLoss()
    {
        var found = Detect("Rebels claim drone strike on Saudi oil depot; coalition says 12 rebels killed. Yemen's rebels and Saudi Arabia traded accusations. Yemen's government called for calm.");

        NotFired(found, "casualties", "Saudi Arabia");
    }

    [Fact]
    public void Detect_CountedPlacesIncludingNames_AreEachHit()
    {
        var found = Detect("Missiles struck five towns in Sudan overnight, including Kosti and Rabak, the army said. Sudan's army and the RSF blamed each other.", "SD");

        Fired(found, "shelling", "Kosti");
        Fired(found, "shelling", "Rabak");
        NotFired(found, "shelling", "Sudan");
    }

    [Fact]
    public void Detect_DenialThenAndSaid_DeniesOnlyTheFirstClause()
    {
        var found = Detect("Sudan's army denied losing any aircraft and said its artillery shelled Nyala overnight. Sudan's army and the RSF traded blame.", "SD");

        Assert.False(Fired(found, "shelling", "Nyala").Negated);
    }

    [Fact]
    public void Detect_DeniedShelling_StaysDenied()
    {
        var found = Detect("Sudan's army denied that its artillery shelled Nyala overnight. Sudan's army and the RSF traded blame.", "SD");

        Assert.True(Fired(found, "shelling", "Nyala").Negated);
    }
}
