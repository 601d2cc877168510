using System.Net;
using System.Net.Sockets;

namespace Alerts.Core.Feeds;

/// <summary>
/// SSRF protection: addresses a feed or webhook URL must not reach from a cloud function —
/// loopback, private and carrier-grade NAT ranges, link-local (including the 169.254.169.254
/// metadata service), unspecified, multicast and broadcast, and IPv4-mapped forms of them.
/// Checked on the address actually connected to, so DNS rebinding does not get around it.
/// </summary>
public static class AddressGuard
{
    /// <summary>True when connecting to <paramref name="address"/> from the service would be unsafe.</summary>
    public static bool IsBlocked(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] is 0 or 10 or 127 || b[0] >= 224
                || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 100 && b[1] is >= 64 and <= 127)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && b[1] is 18 or 19);
        }

        var v6 = address.GetAddressBytes();
        return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
            || (v6[0] & 0xFE) == 0xFC // unique local fc00::/7
            || address.IsIPv6Teredo;
    }
}
