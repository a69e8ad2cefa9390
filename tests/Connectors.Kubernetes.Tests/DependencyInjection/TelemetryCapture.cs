using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Connectors.Kubernetes.Telemetry;

namespace Connectors.Kubernetes.Tests.DependencyInjection;

/// <summary>Collects the activities and measurements of one connector (filtered by its name, as tests run in parallel).</summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters = new();
    private readonly string _connector;

    public TelemetryCapture(string connector)
    {
        _connector = connector;
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == KubernetesConnectorTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem(KubernetesConnectorTelemetry.ConnectorTag), _connector))
                {
                    Activities.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activities);
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == KubernetesConnectorTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    public ConcurrentBag<Activity> Activities { get; } = [];

    public ConcurrentBag<(string Instrument, double Value, Dictionary<string, object?> Tags)> Measurements { get; } = [];

    public double Sum(string instrument, string? tag = null, object? value = null) =>
        Measurements.Where(m => m.Instrument == instrument && (tag is null || Equals(m.Tags.GetValueOrDefault(tag), value))).Sum(m => m.Value);

    /// <summary>Every string the telemetry carries: activity names and tags, instrument tags.</summary>
    public IEnumerable<string> AllText() =>
        Activities.SelectMany(a => new[] { a.DisplayName, a.StatusDescription ?? string.Empty }.Concat(a.TagObjects.Select(t => t.Key + "=" + t.Value)))
            .Concat(Measurements.SelectMany(m => m.Tags.Select(t => t.Key + "=" + t.Value)));

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var map = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            map[tag.Key] = tag.Value;
        }

        if (Equals(map.GetValueOrDefault(KubernetesConnectorTelemetry.ConnectorTag), _connector))
        {
            Measurements.Add((instrument.Name, value, map));
        }
    }
}
