using Alerts.Core.Feeds;

namespace Alerts.Core.Pipeline;

/// <summary>ScheduleFeeds: the feeds that are due — never polled, or their interval passed and any server back-off is over.</summary>
public sealed class FeedScheduler(PipelineConfig config, FeedStateStore states, TimeProvider time)
{
    /// <summary>A poll message for every feed that is due now.</summary>
    public async Task<IReadOnlyList<FeedPoll>> DueAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var due = new List<FeedPoll>();
        foreach (var watch in config.Watches)
        {
            foreach (var feed in watch.Feeds)
            {
                var state = (await states.GetAsync(StateId(watch.Watch.Id, feed.Id), ct).ConfigureAwait(false))?.State;
                if (state is null || ((state.NotBefore is null || state.NotBefore <= now) && (state.LastPolled is null || now - state.LastPolled >= feed.Interval)))
                {
                    due.Add(new FeedPoll(1, watch.Watch.Id, feed.Id));
                }
            }
        }

        return due;
    }

    /// <summary>The feed-state row of a watch's feed.</summary>
    public static string StateId(string watch, string feed) => $"{watch}/{feed}";
}
