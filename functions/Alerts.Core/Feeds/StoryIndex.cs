namespace Alerts.Core.Feeds;

/// <summary>
/// Recognises the same story arriving through several feeds — by normalised link, or by a near
/// fingerprint of title and lead — and counts the distinct outlets that carried it. In-memory; the
/// pipeline keeps the same facts in a table.
/// </summary>
public sealed class StoryIndex
{
    private readonly List<Story> _stories = [];
    private readonly Dictionary<string, Story> _byLink = new(StringComparer.Ordinal);

    /// <summary>Adds an entry seen in a feed; returns its story and whether the story is new.</summary>
    public (Story Story, bool IsNew) Add(FeedEntry entry, string feedUrl)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var link = UrlNormalizer.Normalize(entry.Link);
        var outlet = UrlNormalizer.Outlet(entry.Link) ?? UrlNormalizer.Outlet(feedUrl) ?? feedUrl;
        var fingerprint = StoryFingerprint.Compute(entry.Title, entry.Summary ?? entry.Content);
        var story = (link is not null ? _byLink.GetValueOrDefault(link) : null)
            ?? _stories.FirstOrDefault(s => StoryFingerprint.SameStory(s.Fingerprint, fingerprint));
        var isNew = story is null;
        story ??= new Story(ItemIdentity.Key(entry, feedUrl), fingerprint);
        if (isNew)
        {
            _stories.Add(story);
        }

        if (link is not null)
        {
            _byLink[link] = story;
        }

        story.Outlets.Add(outlet);
        return (story, isNew);
    }

    /// <summary>A story and the outlets that carried it.</summary>
    public sealed class Story(string key, ulong fingerprint)
    {
        /// <summary>The key of the first item seen.</summary>
        public string Key { get; } = key;

        /// <summary>The fingerprint of the first item seen.</summary>
        public ulong Fingerprint { get; } = fingerprint;

        /// <summary>Distinct outlets (registrable domains).</summary>
        public HashSet<string> Outlets { get; } = new(StringComparer.OrdinalIgnoreCase);
    }
}
