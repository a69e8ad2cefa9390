using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Connectors.Reliability.Tests.Canaries;

/// <summary>What an exporter would see: every activity of every source (ours, HttpClient's, anyone's) with its tags, events and links' tags, and every measurement of every meter with its tags.</summary>
internal sealed class TelemetrySink : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters = new();
    private readonly ConcurrentQueue<string> _lines = new();

    public TelemetrySink()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                _lines.Enqueue($"activity {activity.Source.Name} {activity.OperationName} {activity.DisplayName} {activity.Status} {activity.StatusDescription} "
                    + string.Join(' ', activity.TagObjects.Select(t => t.Key + "=" + t.Value))
                    + string.Join(' ', activity.Baggage.Select(b => b.Key + "=" + b.Value))
                    + string.Join(' ', activity.Events.Select(e => e.Name + " " + string.Join(' ', e.Tags.Select(t => t.Key + "=" + t.Value)))));
                Activities++;
            },
        };
        ActivitySource.AddActivityListener(_activities);
        _meters.InstrumentPublished = (instrument, listener) => listener.EnableMeasurementEvents(instrument);
        _meters.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _meters.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _meters.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _meters.Start();
    }

    public int Activities { get; private set; }

    public int Measurements { get; private set; }

    public string Text => string.Join('\n', _lines);

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var text = new List<string>();
        foreach (var tag in tags)
        {
            text.Add(tag.Key + "=" + tag.Value);
        }

        _lines.Enqueue($"measurement {instrument.Meter.Name} {instrument.Name} {value} {string.Join(' ', text)}");
        Measurements++;
    }
}
