namespace Alerts.Storage.Connection;

/// <summary>
/// Parses an Azure Storage connection string the way the Azure SDKs do: <c>;</c>-separated
/// <c>Key=Value</c> pairs, split on the first <c>=</c>, keys case-insensitive, duplicates an error.
/// </summary>
public static class StorageConnectionString
{
    /// <summary>The well-known Azurite / storage emulator account (public, documented by Microsoft).</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>The well-known Azurite account key (public, documented by Microsoft).</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly HashSet<string> KnownKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "UseDevelopmentStorage", "DevelopmentStorageProxyUri", "DefaultEndpointsProtocol", "AccountName", "AccountKey",
        "EndpointSuffix", "BlobEndpoint", "QueueEndpoint", "TableEndpoint", "FileEndpoint",
        "BlobSecondaryEndpoint", "QueueSecondaryEndpoint", "TableSecondaryEndpoint", "FileSecondaryEndpoint", "SharedAccessSignature",
    };

    /// <summary>Parses <paramref name="connectionString"/> into an account, or throws <see cref="FormatException"/> naming every problem.</summary>
    public static StorageAccount Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new FormatException("The storage connection string is empty.");
        }

        var settings = Split(connectionString);
        if (settings.TryGetValue("UseDevelopmentStorage", out var dev))
        {
            if (!string.Equals(dev, "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException($"UseDevelopmentStorage must be 'true', not '{dev}'.");
            }

            var proxy = settings.TryGetValue("DevelopmentStorageProxyUri", out var p) ? new Uri(p) : new Uri("http://127.0.0.1");
            var host = $"{proxy.Scheme}://{proxy.Host}";
            return new StorageAccount(
                DevelopmentAccountName,
                new Uri($"{host}:10001/{DevelopmentAccountName}"),
                new Uri($"{host}:10002/{DevelopmentAccountName}"),
                Convert.FromBase64String(DevelopmentAccountKey),
                TokenCredential: null);
        }

        var problems = new List<string>();
        foreach (var key in settings.Keys.Where(k => !KnownKeys.Contains(k)))
        {
            problems.Add($"unknown setting '{key}'");
        }

        settings.TryGetValue("AccountName", out var account);
        settings.TryGetValue("AccountKey", out var accountKey);
        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        if (protocol is not ("http" or "https"))
        {
            problems.Add($"DefaultEndpointsProtocol must be http or https, not '{protocol}'");
        }

        var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        var queue = Endpoint(settings, "QueueEndpoint", "queue", account, protocol, suffix, problems);
        var table = Endpoint(settings, "TableEndpoint", "table", account, protocol, suffix, problems);

        byte[]? key64 = null;
        if (settings.ContainsKey("SharedAccessSignature"))
        {
            problems.Add("SharedAccessSignature connection strings are not supported; use an account key or managed identity");
        }
        else if (string.IsNullOrEmpty(accountKey))
        {
            problems.Add("AccountKey is missing (for managed identity, configure endpoints without a connection string)");
        }
        else
        {
            try
            {
                key64 = Convert.FromBase64String(accountKey);
            }
            catch (FormatException)
            {
                problems.Add("AccountKey is not valid Base64");
            }
        }

        if (string.IsNullOrEmpty(account))
        {
            account = queue is null ? null : AccountFromEndpoint(queue);
            if (account is null)
            {
                problems.Add("AccountName is missing");
            }
        }

        if (problems.Count > 0)
        {
            throw new FormatException("Invalid storage connection string: " + string.Join("; ", problems) + ".");
        }

        return new StorageAccount(account!, queue!, table!, key64, TokenCredential: null);
    }

    /// <summary>The account name in a host-style (<c>acct.queue.…</c>) or path-style (<c>host:port/acct</c>) endpoint.</summary>
    internal static string? AccountFromEndpoint(Uri endpoint)
    {
        var path = endpoint.AbsolutePath.Trim('/');
        if (path.Length > 0)
        {
            return path.Split('/')[0];
        }

        var dot = endpoint.Host.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && !System.Net.IPAddress.TryParse(endpoint.Host, out _) ? endpoint.Host[..dot] : null;
    }

    private static Uri? Endpoint(Dictionary<string, string> settings, string name, string service, string? account, string protocol, string suffix, List<string> problems)
    {
        if (settings.TryGetValue(name, out var explicitEndpoint))
        {
            if (Uri.TryCreate(explicitEndpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                return uri;
            }

            problems.Add($"{name} '{explicitEndpoint}' is not an absolute http(s) URL");
            return null;
        }

        if (string.IsNullOrEmpty(account))
        {
            problems.Add($"{name} is missing and cannot be derived without AccountName");
            return null;
        }

        return new Uri($"{protocol}://{account}.{service}.{suffix}");
    }

    private static Dictionary<string, string> Split(string connectionString)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"Invalid storage connection string: '{Redact(part)}' is not Key=Value.");
            }

            var key = part[..eq].Trim();
            if (!settings.TryAdd(key, part[(eq + 1)..].Trim()))
            {
                throw new FormatException($"Invalid storage connection string: '{key}' appears twice.");
            }
        }

        return settings;
    }

    // A malformed part may be a fragment of a key: never echo more than its start.
    private static string Redact(string part) => part.Length <= 12 ? part : part[..12] + "…";
}
