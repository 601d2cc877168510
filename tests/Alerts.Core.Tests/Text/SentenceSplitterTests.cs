using Alerts.Core.Text;

namespace Alerts.Core.Tests.Text;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void Split_Abbreviations_DoNotEndSentences()
    {
        var s = SentenceSplitter.Split("Gen. Dmitri Ivanov and Lt. Col. Ana Reyes arrived at 9 a.m. on Monday. The U.S. embassy closed.");

        Assert.Equal(2, s.Count);
        Assert.StartsWith("The U.S. embassy", s[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_HeadlineWithoutStop_IsItsOwnUnit()
    {
        var s = SentenceSplitter.Split("Troops mass on the border\n\nThousands of troops gathered on Monday. Officials were worried.");

        Assert.True(s[0].IsHeadline);
        Assert.Equal("Troops mass on the border", s[0].Text);
        Assert.Equal(3, s.Count);
    }

    [Fact]
    public void Split_HardWrappedLines_AreJoined()
    {
        var s = SentenceSplitter.Split("The territory of the region remains the setting of heavy fighting, and analysts have continued to warn of\nthe repercussions of the ongoing violence. A second sentence follows.");

        Assert.Equal(2, s.Count);
        Assert.Contains("warn of the repercussions", s[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_QuotedSentence_EndsAfterClosingQuote()
    {
        var s = SentenceSplitter.Split("\"We will fight to the end.\" The minister left. Bullet lines follow:\n- Kyiv shelled\n- Curfew extended");

        Assert.Equal("\"We will fight to the end.\"", s[0].Text);
        Assert.Contains(s, x => x.Text == "- Kyiv shelled" && x.IsHeadline);
    }

    [Fact]
    public void Split_Offsets_PointIntoTheText()
    {
        const string text = "First one. Second one.\n\nThird one.";

        foreach (var sentence in SentenceSplitter.Split(text))
        {
            Assert.Equal(sentence.Text, text.Substring(sentence.Start, sentence.Text.Length));
        }
    }

    [Fact]
    public void Split_EveryKindOfWhitespaceRun_BecomesOneSpace()
    {
        for (var c = '\0'; c < '\uffff'; c++)
        {
            if (!char.IsWhiteSpace(c) || c == '\n')
            {
                continue; // a newline splits lines; that is tested elsewhere
            }

            var s = SentenceSplitter.Split($"Troops{c}moved{c}{c}north.");

            Assert.True(s.Count == 1 && s[0].Text == "Troops moved north.", $"U+{(int)c:X4}: {string.Join(" | ", s.Select(x => x.Text))}");
        }
    }
}
