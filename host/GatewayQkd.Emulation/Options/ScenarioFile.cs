using System.Text.Json;
using GatewayQkd.Emulation.Broker;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace GatewayQkd.Emulation.Options;

/// <summary>Reads a scenario file (.json, .yaml or .yml) into <see cref="EmulationOptions"/>, validated.</summary>
public static class ScenarioFile
{
    /// <summary>The largest scenario file read (a scenario is a few hundred bytes; this bounds bad input).</summary>
    public const long MaxFileBytes = 1 << 20;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        AllowDuplicateProperties = false, // a key given twice is refused, never "last one wins"
    };

    /// <summary>Loads and validates a scenario file; throws <see cref="EmulationOptionsException"/> naming the file and the problem.</summary>
    public static EmulationOptions Load(string path, Func<string, string?>? environment = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new EmulationOptionsException($"Scenario file '{path}' does not exist.");
        }

        if (info.Length > MaxFileBytes)
        {
            throw new EmulationOptionsException($"Scenario file '{path}' is {info.Length} bytes; the limit is {MaxFileBytes}.");
        }

        var text = File.ReadAllText(path);
        var extension = info.Extension.ToUpperInvariant();
        var document = extension switch
        {
            ".JSON" => ParseJson(text, path),
            ".YAML" or ".YML" => ParseYaml(text, path),
            _ => throw new EmulationOptionsException($"Scenario file '{path}': use a .json, .yaml or .yml file."),
        };
        try
        {
            return Apply(document, new EmulationOptions(), environment ?? Environment.GetEnvironmentVariable).Validated();
        }
        catch (EmulationOptionsException e)
        {
            throw new EmulationOptionsException([.. e.Problems.Select(p => ScenarioErrors.AtKey(p, text, path))]);
        }
    }

    /// <summary>Parses JSON text into the document model.</summary>
    public static ScenarioDocument ParseJson(string text, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<ScenarioDocument>(text, Json) ?? throw new EmulationOptionsException($"Scenario file '{source}' is empty.");
        }
        catch (JsonException e)
        {
            throw new EmulationOptionsException(ScenarioErrors.FromJson(e, text, source), e);
        }
    }

    /// <summary>Parses YAML text into the document model.</summary>
    public static ScenarioDocument ParseYaml(string text, string source)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).WithDuplicateKeyChecking().Build();
        try
        {
            return deserializer.Deserialize<ScenarioDocument?>(text) ?? throw new EmulationOptionsException($"Scenario file '{source}' is empty.");
        }
        catch (YamlException e)
        {
            throw new EmulationOptionsException(ScenarioErrors.FromYaml(e, text, source), e);
        }
    }

    /// <summary>Returns <paramref name="start"/> with every field the document sets.</summary>
    public static EmulationOptions Apply(ScenarioDocument document, EmulationOptions start, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(environment);
        var o = start;
        o = o with
        {
            Name = document.Name ?? o.Name,
            Duration = document.DurationSeconds is { } d ? TimeSpan.FromSeconds(d) : o.Duration,
            Speed = document.Speed ?? o.Speed,
            Seed = document.Seed ?? o.Seed,
            VirtualTime = document.VirtualTime ?? o.VirtualTime,
            Gateways = document.Gateways ?? o.Gateways,
            BoardGateways = document.BoardGateways ?? o.BoardGateways,
            SensorsPerGateway = document.SensorsPerGateway ?? o.SensorsPerGateway,
            RequestMeanIntervalSeconds = document.RequestMeanIntervalSeconds ?? o.RequestMeanIntervalSeconds,
            SecurityLevels = document.SecurityLevels ?? o.SecurityLevels,
            KeyRateModel = document.KeyRateModel is { } m ? ParseModel(m) : o.KeyRateModel,
            KeyRateBitsPerSecond = document.KeyRateBitsPerSecond ?? o.KeyRateBitsPerSecond,
            HapTerminals = document.HapTerminals ?? o.HapTerminals,
            BlockBytes = document.BlockBytes ?? o.BlockBytes,
            PoolCapacityBits = document.PoolCapacityBits ?? o.PoolCapacityBits,
            SlotSeconds = document.SlotSeconds ?? o.SlotSeconds,
            StatusIntervalSeconds = document.StatusIntervalSeconds ?? o.StatusIntervalSeconds,
            TradeOff = document.TradeOff ?? o.TradeOff,
            EmbeddedBrokerPort = document.EmbeddedBrokerPort ?? o.EmbeddedBrokerPort,
            KmsPort = document.KmsPort ?? o.KmsPort,
            KmsCertFolder = document.KmsCerts ?? o.KmsCertFolder,
            DataFolder = document.DataFolder ?? o.DataFolder,
            OutputFolder = document.OutputFolder ?? o.OutputFolder,
            SampleIntervalSeconds = document.SampleIntervalSeconds ?? o.SampleIntervalSeconds,
            Geography = ScenarioGeographyReader.Read(document) ?? o.Geography,
        };
        if (document.BoardSensors is { } boardSensors)
        {
            try
            {
                o = o with { BoardSensors = [.. boardSensors.Select(BoardSensor.Parse)] };
            }
            catch (FormatException e)
            {
                throw new EmulationOptionsException($"boardSensors: {e.Message}", e);
            }
        }

        if (document.Listen is { } listenText)
        {
            if (document.EmbeddedBrokerPort is not null)
            {
                throw new EmulationOptionsException("listen: give either listen (ADDRESS:PORT) or embeddedBrokerPort, not both.");
            }

            ListenEndpoint listen;
            try
            {
                listen = ListenEndpoint.Parse(listenText);
            }
            catch (FormatException e)
            {
                throw new EmulationOptionsException($"listen: {e.Message}", e);
            }

            o = o with { EmbeddedBrokerAddress = listen.Address, EmbeddedBrokerPort = listen.Port };
        }

        if (document.Broker is { } b)
        {
            if (b.Host is null || b.Port is null)
            {
                throw new EmulationOptionsException("broker: needs both host and port.");
            }

            string? password = null;
            if (b.PasswordVariable is not null)
            {
                password = environment(b.PasswordVariable)
                    ?? throw new EmulationOptionsException($"broker: the password variable '{b.PasswordVariable}' is not set.");
            }

            o = o with
            {
                ExternalBroker = new BrokerEndpoint
                {
                    Host = b.Host,
                    Port = b.Port.Value,
                    UseTls = b.Tls ?? false,
                    CaCertificateFile = b.CaFile,
                    AllowUntrustedCertificates = b.Insecure ?? false,
                    Username = b.Username,
                    Password = password,
                    PasswordSource = b.PasswordVariable is null ? "the scenario's broker.passwordVariable (none given)" : "$" + b.PasswordVariable,
                },
            };
        }

        return o;
    }

    private static KeyRateModel ParseModel(string text) => text.ToUpperInvariant() switch
    {
        "CONSTANT" => KeyRateModel.Constant,
        "CHANNEL" => KeyRateModel.Channel,
        _ => throw new EmulationOptionsException($"keyRateModel: must be 'constant' or 'channel', got '{text}'."),
    };
}
