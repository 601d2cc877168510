using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Alerts.Core.Text;

namespace Alerts.Core.Feeds;

/// <summary>
/// A 64-bit SimHash of a story's title and lead (word 2-grams, folded): syndicated copies and
/// lightly edited rewrites of one wire story land within a few bits of each other, different
/// stories far apart.
/// </summary>
public static class StoryFingerprint
{
    /// <summary>Fingerprints within this many differing bits are the same story.</summary>
    public const int SameStoryDistance = 6;

    private const int LeadCharacters = 400;

    /// <summary>The fingerprint of a story's title and the start of its text.</summary>
    public static ulong Compute(string? title, string? lead)
    {
        var text = TextFold.Fold(((title ?? "") + " " + Truncate(FeedText.ToPlain(lead))).Replace('\'', ' '));
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Any(char.IsLetterOrDigit)).ToList();
        if (words.Count == 0)
        {
            return 0;
        }

        Span<int> weights = stackalloc int[64];
        for (var i = 0; i < Math.Max(1, words.Count - 1); i++)
        {
            var shingle = words.Count == 1 ? words[0] : words[i] + " " + words[i + 1];
            var hash = BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(shingle)), 0);
            for (var bit = 0; bit < 64; bit++)
            {
                weights[bit] += ((hash >> bit) & 1) == 1 ? 1 : -1;
            }
        }

        ulong result = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (weights[bit] > 0)
            {
                result |= 1UL << bit;
            }
        }

        return result;
    }

    /// <summary>Differing bits between two fingerprints.</summary>
    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    /// <summary>True when the fingerprints are close enough to be one story.</summary>
    public static bool SameStory(ulong a, ulong b) => a != 0 && b != 0 && Distance(a, b) <= SameStoryDistance;

    private static string Truncate(string s) => s.Length <= LeadCharacters ? s : s[..LeadCharacters];
}
