using Alerts.Core.Text;

namespace Alerts.Core.Tests.Text;

public sealed class HtmlTextTests
{
    [Fact]
    public void ToText_DropsScriptsAndNavigation_KeepsParagraphsApart()
    {
        const string html = "<html><head><title>T</title><script>var x = 'struck Kyiv';</script></head><body><nav>Home | World</nav>" +
                            "<h1>Curfew in Mombasa</h1><p>Police imposed a <b>curfew</b> on Monday.</p><figure><figcaption>Streets empty</figcaption></figure>" +
                            "<p>Residents stayed home.</p><footer>© News</footer></body></html>";

        var text = HtmlText.ToText(html);

        Assert.Equal("Curfew in Mombasa\n\nPolice imposed a curfew on Monday.\n\nStreets empty\n\nResidents stayed home.", text);
    }

    [Fact]
    public void ToText_DecodesEntities()
    {
        Assert.Equal("Gjakovë & Prizren — 5 km", HtmlText.ToText("<p>Gjakov&euml; &amp; Prizren &mdash; 5&nbsp;km</p>").Replace('\u00A0', ' '));
    }
}
