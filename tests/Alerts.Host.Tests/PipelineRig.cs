using System.Net;
using System.Text;
using System.Text.Json;
using Alerts.Core.Delivery;
using Alerts.Testing;

namespace Alerts.Host.Tests;

/// <summary>What the Alerts pipeline tests share: a feed server, reading a signed delivery, and the app's settings.</summary>
internal static class PipelineRig
{
    /// <summary>The function key the settings give every HTTP function.</summary>
    public const string FunctionKey = "k";

    /// <summary>A local outlet serving the RSS that <paramref name="rss"/> returns at each request.</summary>
    public static TestHttpServer FeedServer(Func<string> rss) => new(async c =>
    {
        var body = Encoding.UTF8.GetBytes(rss());
        c.Response.ContentType = "application/rss+xml";
        await c.Response.OutputStream.WriteAsync(body);
    });

    /// <summary>A webhook request's id and body, and whether its Standard Webhooks signature verifies with <paramref name="secret"/>.</summary>
    public static async Task<(string Id, string Body, bool Valid)> ReadSignedAsync(HttpListenerContext c, string secret)
    {
        using var reader = new StreamReader(c.Request.InputStream);
        var body = await reader.ReadToEndAsync();
        var id = c.Request.Headers["webhook-id"] ?? "";
        var valid = WebhookSigner.Verify(WebhookSecret.Parse(secret), id, c.Request.Headers["webhook-timestamp"] ?? "", c.Request.Headers["webhook-signature"] ?? "", body, DateTimeOffset.UtcNow);
        return (id, body, valid);
    }

    /// <summary>"kind type subject" of a webhook payload, e.g. "new shelling Martakert".</summary>
    public static string Describe(string payload)
    {
        var e = JsonDocument.Parse(payload).RootElement;
        var indicator = e.GetProperty("indicator");
        return $"{e.GetProperty("kind").GetString()} {indicator.GetProperty("type").GetString()} {indicator.GetProperty("subject").GetString()}";
    }

    /// <summary>Writes <paramref name="config"/> as the app's configuration file and returns local settings for it on <paramref name="azurite"/>.</summary>
    public static async Task<string> SettingsAsync(AzuriteFixture azurite, object config)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("alerts-e2e-").FullName, "alerts.config.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(config));
        return HostProcess.Settings(azurite, new Dictionary<string, string>
        {
            ["Alerts__ConfigPath"] = path,
            ["Alerts__AllowPrivateAddresses"] = "true",
            ["FunctionKeys__default"] = FunctionKey,
        });
    }
}
