using System.Text.Json;
using Alerts.Functions;
using Alerts.Functions.Handler;

namespace Alerts.Functions.Tests;

/// <summary>The handler against payloads shaped exactly as the Functions host sends them (azure-contracts.md §1.3–1.4).</summary>
public sealed class HandlerContractTests
{
    private static Invocation Parse(string json)
    {
        var root = JsonDocument.Parse(json).RootElement;
        return new Invocation(root.GetProperty("Data"), root.GetProperty("Metadata"), "test");
    }

    [Fact]
    public void QueueMessage_DoubleEncodedString_IsUnquotedOnce()
    {
        var invocation = Parse("""
            { "Data": { "order": "\"hello\"" },
              "Metadata": { "DequeueCount": "2", "Id": "\"52d53c5f-e212-487e-998b-abbe3b9d51e4\"", "PopReceipt": "\"AgAAAAMAAAAAAAAA\"",
                            "sys": { "MethodName": "ProcessOrder", "UtcNow": "2025-03-04T10:00:00.51Z", "RandGuid": "x" } } }
            """);

        Assert.Equal("hello", invocation.QueueMessage("order"));
        Assert.Equal(2, invocation.DequeueCount);
        Assert.Equal("52d53c5f-e212-487e-998b-abbe3b9d51e4", invocation.MessageId);
    }

    [Fact]
    public void QueueMessage_JsonMessageWithCollidingMetadataNames_ReturnsTheMessageText()
    {
        // {"Id":"payload-id","v":1} arrives double encoded, and its Id overrides the metadata Id.
        var invocation = Parse("""
            { "Data": { "item": "\"{\\\"Id\\\":\\\"payload-id\\\",\\\"v\\\":1}\"" },
              "Metadata": { "DequeueCount": "1", "Id": "\"payload-id\"", "v": "1", "sys": {} } }
            """);

        Assert.Equal("{\"Id\":\"payload-id\",\"v\":1}", invocation.QueueMessage("item"));
        Assert.Equal(1, invocation.DequeueCount);
    }

    [Fact]
    public void QueueMessage_NumericDequeueCountAndPlainString_AreAccepted()
    {
        var invocation = Parse("""{ "Data": { "m": "plain" }, "Metadata": { "DequeueCount": 3 } }""");

        Assert.Equal("plain", invocation.QueueMessage("m"));
        Assert.Equal(3, invocation.DequeueCount);
    }

    [Fact]
    public void Http_RequestObject_IsRead()
    {
        var invocation = Parse("""
            { "Data": { "req": { "Url": "https://app.example/api/analyze?src=web", "Method": "POST", "Query": { "src": "web" },
                                 "Headers": { "Content-Type": ["application/json"] }, "Params": {}, "Identities": [], "Body": "{\"text\":\"x\"}" } },
              "Metadata": { "Query": { "src": "web" }, "Headers": {}, "sys": {} } }
            """);

        var req = invocation.Http("req");

        Assert.Empty(req.Params);
        Assert.Equal("POST", req.Method);
        Assert.Equal("web", req.Query["src"]);
        Assert.Equal("application/json", req.Headers["content-type"]);
        Assert.Equal("{\"text\":\"x\"}", req.Body);
    }

    [Fact]
    public void Result_QueueOutputs_AreArraysOfStringsUnderExactBindingNames()
    {
        var json = new InvocationResult().Queue("outQueue", ["dGVzdA==", "{\"v\":1}"]).Log("done").ToJson();
        var root = JsonDocument.Parse(json).RootElement;

        var outputs = root.GetProperty("Outputs");
        Assert.Equal(JsonValueKind.Array, outputs.GetProperty("outQueue").ValueKind);
        Assert.Equal("dGVzdA==", outputs.GetProperty("outQueue")[0].GetString());
        Assert.Equal("{\"v\":1}", outputs.GetProperty("outQueue")[1].GetString());
        Assert.False(outputs.TryGetProperty("outqueue", out _));
        Assert.Equal("done", root.GetProperty("Logs")[0].GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("ReturnValue").ValueKind);
    }

    [Fact]
    public void Result_Http_PutsCallerStatusInTheOutput()
    {
        var root = JsonDocument.Parse(new InvocationResult().Http("res", 404, "{}").ToJson()).RootElement;

        Assert.Equal(404, root.GetProperty("Outputs").GetProperty("res").GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public void Settings_MissingPortAndBadRules_AreAllListed()
    {
        var env = new Dictionary<string, string> { ["Detection__RulesPath"] = "/nonexistent/rules.json" };

        var (_, problems) = HandlerSettings.Read(env.GetValueOrDefault);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("FUNCTIONS_CUSTOMHANDLER_PORT", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Detection__RulesPath", StringComparison.Ordinal));
    }

    [Fact]
    public void Http_RouteParams_AreRead()
    {
        var invocation = Parse("""
            { "Data": { "req": { "Url": "http://127.0.0.1/api/watches/sahel", "Method": "DELETE", "Query": {}, "Headers": {}, "Params": { "id": "sahel" } } },
              "Metadata": { "sys": {} } }
            """);

        Assert.Equal("sahel", invocation.Http("req").Params["id"]);
    }

    [Fact]
    public void Settings_StorageWithoutConfigFile_RunsThePipelineWithTheApiOnly()
    {
        var env = new Dictionary<string, string> { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7000", ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" };

        var (settings, problems) = HandlerSettings.Read(env.GetValueOrDefault);

        Assert.Empty(problems);
        Assert.NotNull(settings.Storage);
        Assert.Empty(settings.Pipeline!.Watches);
    }

    [Fact]
    public void Settings_ConfigFileWithoutStorage_IsAProblem()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("alerts-settings-").FullName, "c.json");
        File.WriteAllText(path, """{ "watches": [ { "name": "W", "countries": ["AM"] } ] }""");
        var env = new Dictionary<string, string> { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7000", ["Alerts__ConfigPath"] = path };

        var (_, problems) = HandlerSettings.Read(env.GetValueOrDefault);

        Assert.Contains(problems, p => p.Contains("AzureWebJobsStorage", StringComparison.Ordinal));
    }

    [Fact]
    public void Settings_NoStorageAndNoConfig_LeavesThePipelineOff()
    {
        var (settings, problems) = HandlerSettings.Read(new Dictionary<string, string> { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7000" }.GetValueOrDefault);

        Assert.Empty(problems);
        Assert.Null(settings.Pipeline);
    }
}
