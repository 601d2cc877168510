using System.Text.Json;
using Alerts.Core.Delivery;
using Alerts.Core.Situation;

namespace Alerts.Core.Tests.Delivery;

public sealed class DeliveryFormatTests
{
    private static readonly AlertEvent Alert = new(
        "al_0123", "caucasus", AlertKind.New, "shelling", "Ganja", "P:586523", "AZ", null, Severity.Severe, 1,
        "outlet-4/ganja", "https://news.example/ganja?a=1&b=2", "Ganja was <under fire> & burning", "Azerbaijan's defence ministry",
        new DateTimeOffset(2020, 10, 4, 10, 54, 0, TimeSpan.Zero));

    [Fact]
    public void Sign_StandardWebhooksExample_MatchesTheSpecification()
    {
        // The example from the Standard Webhooks specification.
        var secret = WebhookSecret.Parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        var headers = WebhookSigner.Headers(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", DateTimeOffset.FromUnixTimeSeconds(1614265330), "{\"test\": 2432232314}");

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", headers["webhook-signature"]);
        Assert.Equal("1614265330", headers["webhook-timestamp"]);
        Assert.Equal("msg_p5jXN8AQM9LWM0D4loKWxJek", headers["webhook-id"]);
    }

    [Fact]
    public void Verify_RotatedKeysToleranceAndTampering()
    {
        var secret = WebhookSecret.Parse(WebhookSecret.Generate());
        var other = WebhookSecret.Parse(WebhookSecret.Generate());
        var now = DateTimeOffset.UtcNow;
        var signed = WebhookSigner.Headers(secret, "msg_1", now, "{}");
        var oldKey = WebhookSigner.Headers(other, "msg_1", now, "{}");

        Assert.True(WebhookSigner.Verify(secret, "msg_1", signed["webhook-timestamp"], signed["webhook-signature"], "{}", now));
        Assert.True(WebhookSigner.Verify(secret, "msg_1", signed["webhook-timestamp"], oldKey["webhook-signature"] + " " + signed["webhook-signature"], "{}", now));
        Assert.False(WebhookSigner.Verify(secret, "msg_1", signed["webhook-timestamp"], signed["webhook-signature"], "{ }", now));
        Assert.False(WebhookSigner.Verify(secret, "msg_2", signed["webhook-timestamp"], signed["webhook-signature"], "{}", now));
        Assert.False(WebhookSigner.Verify(secret, "msg_1", signed["webhook-timestamp"], signed["webhook-signature"], "{}", now.AddMinutes(6)));
        Assert.False(WebhookSigner.Verify(secret, "msg_1", signed["webhook-timestamp"], "v2," + signed["webhook-signature"][3..], "{}", now));
    }

    [Theory]
    [InlineData("whsec_not-base64!")]
    [InlineData("whsec_AAAA")]
    public void Secret_Invalid_FailsWithoutEchoingIt(string secret)
    {
        var ex = Assert.Throws<FormatException>(() => WebhookSecret.Parse(secret));

        Assert.DoesNotContain(secret, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Payload_IsVersionedJsonWithEvidenceAndSource()
    {
        using var doc = JsonDocument.Parse(AlertPayload.Json(Alert));
        var root = doc.RootElement;

        Assert.Equal(1, root.GetProperty("v").GetInt32());
        Assert.Equal("alert.new", root.GetProperty("type").GetString());
        Assert.Equal("Ganja", root.GetProperty("indicator").GetProperty("subject").GetString());
        Assert.Equal("Severe", root.GetProperty("severity").GetString());
        Assert.Equal("Azerbaijan's defence ministry", root.GetProperty("claimedBy").GetString());
        Assert.Equal("https://news.example/ganja?a=1&b=2", root.GetProperty("link").GetString());
    }

    [Fact]
    public void Slack_BlocksStayWithinLimitsAndEscapeText()
    {
        var huge = Alert with { Subject = new string('S', 400), Evidence = new string('e', 10_000) };

        using var doc = JsonDocument.Parse(SlackMessage.Json(huge));
        var blocks = doc.RootElement.GetProperty("blocks");
        using var normal = JsonDocument.Parse(SlackMessage.Json(Alert));
        var quote = normal.RootElement.GetProperty("blocks")[2].GetProperty("text").GetProperty("text").GetString();

        Assert.True(blocks.GetArrayLength() <= 50);
        Assert.True(blocks[0].GetProperty("text").GetProperty("text").GetString()!.Length <= SlackMessage.HeaderLimit);
        Assert.All(blocks.EnumerateArray().Where(b => b.GetProperty("type").GetString() == "section"), b => Assert.True(b.GetProperty("text").GetProperty("text").GetString()!.Length <= SlackMessage.SectionLimit));
        Assert.Equal("> Ganja was &lt;under fire&gt; &amp; burning", quote);
        Assert.Contains("<https://news.example/ganja?a=1&b=2|outlet-4/ganja>", normal.RootElement.GetRawText().Replace("\\u0026", "&", StringComparison.Ordinal).Replace("\\u003C", "<", StringComparison.Ordinal).Replace("\\u003E", ">", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
