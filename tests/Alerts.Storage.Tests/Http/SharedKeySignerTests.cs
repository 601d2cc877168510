using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Alerts.Storage.Connection;
using Alerts.Storage.Http;

namespace Alerts.Storage.Tests.Http;

public sealed class SharedKeySignerTests
{
    private static readonly byte[] DevKey = Convert.FromBase64String(StorageConnectionString.DevelopmentAccountKey);
    private const string Date = "Tue, 04 Mar 2025 10:00:00 GMT";

    [Fact]
    public void QueueStringToSign_CreateQueue_FollowsDocumentedLayout()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "http://127.0.0.1:10001/devstoreaccount1/orders");
        request.Headers.TryAddWithoutValidation("x-ms-version", "2019-12-12");
        request.Headers.TryAddWithoutValidation("x-ms-date", Date);

        var toSign = SharedKeySigner.QueueStringToSign(request, "devstoreaccount1");

        Assert.Equal($"PUT\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:{Date}\nx-ms-version:2019-12-12\n/devstoreaccount1/devstoreaccount1/orders", toSign);
        Assert.Equal(Hmac(toSign), SharedKeySigner.Sign(toSign, DevKey));
        // Cross-check with the value Azurite accepted in the research note's run.
        Assert.Equal("+v/9L2YsSwTU+S46n1taZ95b0Bnmc+2OLddIVOcEddI=", SharedKeySigner.Sign(toSign, DevKey));
    }

    [Fact]
    public void QueueStringToSign_PutMessage_SignsLengthTypeAndDecodedSortedQuery()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:10001/devstoreaccount1/orders/messages?messagettl=-1");
        request.Content = new ByteArrayContent(new byte[76]);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        request.Headers.TryAddWithoutValidation("x-ms-date", Date);
        request.Headers.TryAddWithoutValidation("x-ms-version", "2019-12-12");

        var toSign = SharedKeySigner.QueueStringToSign(request, "devstoreaccount1");

        Assert.Equal($"POST\n\n\n76\n\napplication/xml\n\n\n\n\n\n\nx-ms-date:{Date}\nx-ms-version:2019-12-12\n/devstoreaccount1/devstoreaccount1/orders/messages\nmessagettl:-1", toSign);
        Assert.Equal("0CjCJhkhDpKXR5miMbtw4KxhqN14Pd3+n4TKqIXQvnw=", SharedKeySigner.Sign(toSign, DevKey));
    }

    [Fact]
    public void QueueStringToSign_HostStyleWithEncodedQuery_DecodesAndSortsParameters()
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "https://acct.queue.core.windows.net/q/messages/id1?popreceipt=AbC%2B%2F%3D&Zeta=2");
        request.Headers.TryAddWithoutValidation("x-ms-date", Date);

        var toSign = SharedKeySigner.QueueStringToSign(request, "acct");

        Assert.EndsWith("/acct/q/messages/id1\npopreceipt:AbC+/=\nzeta:2", toSign, StringComparison.Ordinal);
    }

    [Fact]
    public void TableStringToSign_SharedKeyLite_IsDateAndResourceWithOnlyComp()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:10002/devstoreaccount1/Tables?$filter=x&comp=list");
        request.Headers.TryAddWithoutValidation("x-ms-date", Date);

        var toSign = SharedKeySigner.TableStringToSign(request, "devstoreaccount1");

        Assert.Equal($"{Date}\n/devstoreaccount1/devstoreaccount1/Tables?comp=list", toSign);
    }

    [Fact]
    public void Sign_TablesResource_MatchesResearchVector()
    {
        Assert.Equal("rea7kmJhCHs4DLVQMo29souYbPl95q+ITBxt/CimMzA=", SharedKeySigner.Sign($"{Date}\n/devstoreaccount1/devstoreaccount1/Tables", DevKey));
    }

    private static string Hmac(string s) => Convert.ToBase64String(HMACSHA256.HashData(DevKey, Encoding.UTF8.GetBytes(s)));
}
