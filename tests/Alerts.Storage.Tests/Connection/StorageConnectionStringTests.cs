using Alerts.Storage.Connection;

namespace Alerts.Storage.Tests.Connection;

public sealed class StorageConnectionStringTests
{
    [Fact]
    public void Parse_UseDevelopmentStorage_ExpandsToAzuriteDefaults()
    {
        var account = StorageConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal("devstoreaccount1", account.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), account.QueueEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), account.TableEndpoint);
        Assert.NotNull(account.SharedKey);
    }

    [Fact]
    public void Parse_AccountAndKey_DerivesHostStyleEndpoints()
    {
        var account = StorageConnectionString.Parse("DefaultEndpointsProtocol=https;AccountName=news;AccountKey=AAAA;EndpointSuffix=core.windows.net");

        Assert.Equal(new Uri("https://news.queue.core.windows.net"), account.QueueEndpoint);
        Assert.Equal(new Uri("https://news.table.core.windows.net"), account.TableEndpoint);
    }

    [Fact]
    public void Parse_ExplicitPathStyleEndpoints_KeepsAccountPath()
    {
        var account = StorageConnectionString.Parse("AccountName=devstoreaccount1;AccountKey=AAAA;QueueEndpoint=http://127.0.0.1:5001/devstoreaccount1;TableEndpoint=http://127.0.0.1:5002/devstoreaccount1");

        Assert.Equal("/devstoreaccount1", account.QueueEndpoint.AbsolutePath);
        Assert.Equal(5002, account.TableEndpoint.Port);
    }

    [Fact]
    public void Parse_KeysAreCaseInsensitiveAndValuesMayContainEquals()
    {
        var account = StorageConnectionString.Parse("accountname=a1;ACCOUNTKEY=YWI=;");

        Assert.Equal("a1", account.AccountName);
        Assert.Equal("ab"u8.ToArray(), account.SharedKey);
    }

    [Theory]
    [InlineData("AccountName=a", "AccountKey is missing")]
    [InlineData("AccountKey=AAAA", "AccountName is missing")]
    [InlineData("AccountName=a;AccountKey=not base64!", "not valid Base64")]
    [InlineData("AccountName=a;AccountName=b;AccountKey=AAAA", "appears twice")]
    [InlineData("AccountName=a;AccountKey=AAAA;QueueEndpoint=ftp://x", "QueueEndpoint")]
    [InlineData("garbage", "not Key=Value")]
    [InlineData("", "empty")]
    [InlineData("UseDevelopmentStorage=false", "UseDevelopmentStorage")]
    public void Parse_BadInput_NamesTheProblem(string connectionString, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => StorageConnectionString.Parse(connectionString));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadKey_NeverEchoesTheKey()
    {
        var ex = Assert.Throws<FormatException>(() => StorageConnectionString.Parse("AccountName=a;AccountKey=secret-secret-secret!"));

        Assert.DoesNotContain("secret-secret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_IdentityBasedSettings_UsesTokenCredential()
    {
        var settings = new Dictionary<string, string> { ["AzureWebJobsStorage__accountName"] = "prod1" };

        var account = StorageAccountResolver.Resolve("AzureWebJobsStorage", settings.GetValueOrDefault);

        Assert.Null(account.SharedKey);
        Assert.NotNull(account.TokenCredential);
        Assert.Equal(new Uri("https://prod1.queue.core.windows.net"), account.QueueEndpoint);
    }

    [Fact]
    public void Resolve_NothingConfigured_ExplainsBothOptions()
    {
        var ex = Assert.Throws<FormatException>(() => StorageAccountResolver.Resolve("AzureWebJobsStorage", _ => null));

        Assert.Contains("UseDevelopmentStorage=true", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__accountName", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_NeverShowsKey()
    {
        var account = StorageConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.DoesNotContain(StorageConnectionString.DevelopmentAccountKey, account.ToString(), StringComparison.Ordinal);
    }
}
