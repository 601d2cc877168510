namespace Alerts.Cli.Demo;

/// <summary>
/// The demo's sample articles: invented by the Alerts team for demonstration (not real reporting),
/// set in the 2020 Karabakh geography, released one by one through two sample outlets' feeds.
/// </summary>
internal static class DemoScenario
{
    public sealed record Article(TimeSpan At, string Feed, string Slug, string Title, string Text);

    public static readonly IReadOnlyList<Article> Articles =
    [
        new(TimeSpan.FromSeconds(0), "wire", "martial-law", "[Sample] Armenia declares martial law as clashes erupt",
            "Armenia declared martial law and a general mobilisation on Sunday after heavy fighting broke out along the line of contact, the government in Yerevan said."),
        new(TimeSpan.FromSeconds(12), "daily", "martakert-shelled", "[Sample] Artillery hits Martakert",
            "Armenia's defence ministry said Azerbaijani artillery shelled the town of Martakert overnight, damaging homes and a school."),
        new(TimeSpan.FromSeconds(25), "wire", "casualties-16", "[Sample] Sixteen servicemen killed, ministry says",
            "Armenia's defence ministry said 16 of its servicemen were killed in the first day of fighting."),
        new(TimeSpan.FromSeconds(38), "daily", "martial-law-confirmed", "[Sample] Martial law in force across Armenia",
            "Martial law remains in force. Armenia declared martial law on Sunday, officials in Yerevan confirmed, and men of fighting age were barred from leaving the country."),
        new(TimeSpan.FromSeconds(52), "wire", "stepanakert-strikes", "[Sample] Strikes on Stepanakert",
            "Drones struck Stepanakert overnight, local officials said, and authorities imposed a curfew in Stepanakert from 8 pm."),
        new(TimeSpan.FromSeconds(66), "daily", "casualties-49", "[Sample] Military death toll rises to 49",
            "Armenia's defence ministry said on Tuesday that 49 of its servicemen had been killed since Sunday."),
        new(TimeSpan.FromSeconds(80), "wire", "villages-captured", "[Sample] Villages change hands",
            "Azerbaijan's defence ministry said its forces had captured the villages of Talish and Madagiz. Armenia did not comment."),
        new(TimeSpan.FromSeconds(95), "daily", "ceasefire", "[Sample] Ceasefire agreed in Moscow",
            "Armenia and Azerbaijan agreed a humanitarian ceasefire after talks in Moscow, the Russian foreign ministry said."),
    ];
}
