using System.Security.Cryptography;
using System.Text;
using Alerts.Core.Storage;

namespace Alerts.Core.Pipeline;

/// <summary>
/// Article text kept in a table so that queue messages carry a reference, not the text (queue
/// messages are limited to 48 KiB of text). Long text is split over properties of 30,000
/// characters (a string property holds 64 KiB); text beyond the entity limit is refused, not cut.
/// </summary>
public sealed class ArticleTextStore(ITable table)
{
    private const int PartLength = 30_000;
    private const int MaxParts = 30;

    /// <summary>Stores the text (idempotent: the id is a hash of the text) and returns its id.</summary>
    public async Task<string> PutAsync(string text, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > PartLength * MaxParts)
        {
            throw new ArgumentException($"Article text of {text.Length:N0} characters exceeds the {PartLength * MaxParts:N0} the store keeps.", nameof(text));
        }

        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
        var entity = new TableEntity("text", id) { ["Parts"] = (text.Length + PartLength - 1) / PartLength };
        for (var i = 0; i * PartLength < text.Length; i++)
        {
            entity[$"P{i}"] = text.Substring(i * PartLength, Math.Min(PartLength, text.Length - (i * PartLength)));
        }

        await table.UpsertAsync(entity, TableUpdateMode.Replace, ct).ConfigureAwait(false);
        return id;
    }

    /// <summary>The text, or null when it is not stored.</summary>
    public async Task<string?> GetAsync(string id, CancellationToken ct = default)
    {
        var e = await table.GetAsync("text", id, ct).ConfigureAwait(false);
        if (e is null)
        {
            return null;
        }

        var sb = new StringBuilder();
        for (var i = 0; i < (e.GetInt32("Parts") ?? 0); i++)
        {
            sb.Append(e.GetString($"P{i}"));
        }

        return sb.ToString();
    }
}
