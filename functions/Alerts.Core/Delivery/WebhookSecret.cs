using System.Security.Cryptography;

namespace Alerts.Core.Delivery;

/// <summary>A Standard Webhooks secret: <c>whsec_</c> followed by Base64 of 24–64 random bytes.</summary>
public sealed class WebhookSecret
{
    private const string Prefix = "whsec_";

    private WebhookSecret(byte[] key) => Key = key;

    internal byte[] Key { get; }

    /// <summary>A new random secret (32 bytes).</summary>
    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Parses a secret; the message never repeats the secret itself.</summary>
    public static WebhookSecret Parse(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var body = secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret;
        byte[] key;
        try
        {
            key = Convert.FromBase64String(body);
        }
        catch (FormatException)
        {
            throw new FormatException("The webhook secret is not 'whsec_' followed by Base64.");
        }

        if (key.Length is < 16 or > 128)
        {
            throw new FormatException($"The webhook secret decodes to {key.Length} bytes; use 24–64 random bytes.");
        }

        return new WebhookSecret(key);
    }

    /// <summary>Never shows the key.</summary>
    public override string ToString() => Prefix + "…";
}
