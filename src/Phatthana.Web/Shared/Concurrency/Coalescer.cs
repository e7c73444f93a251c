using System.Diagnostics.Metrics;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Shared.Concurrency;

/// <summary>What each coalescer reports: how big its batches are and how many items wait for the next one.</summary>
public static class CoalescingMetrics
{
    /// <summary>Each kind of work has a meter of its own: <c>Phatthana.Coalescing.{work}</c> (tokens, registrations).</summary>
    public const string MeterPrefix = "Phatthana.Coalescing.";
    public const string BatchSize = "phatthana.coalesced.batch_size";
    public const string Waiting = "phatthana.coalesced.waiting";
}

/// <summary>One item's answer from a batch: its result, or the failure of the part of the batch that was its.</summary>
public readonly record struct Answer<T>(T Value, Exception? Failure = null)
{
    public static Answer<T> Failed(Exception failure) => new(default!, failure);
}

/// <summary>
/// Answers the same kind of work for many requests at once (group commit; decision 010). Items queue per key; while no
/// batch of that key is running, the first item starts one at once, so a lone request waits for nobody, and whatever
/// arrives while a batch runs forms the next one. Every batch therefore starts after each of its items arrived: what it
/// reads from the database is at least as fresh as a read of the item's own would have been. Batches of one key never
/// overlap; batches of different keys run side by side. Nothing is kept between batches.
/// </summary>
/// <remarks>
/// <c>run</c> answers a batch's items in their order, each with its result or its own failure (so work already committed
/// for some items is not answered as failed because another part failed); if it throws, every item gets the exception.
/// Answers are given once the whole batch is done. It runs outside the requests' execution context (no HTTP context flows
/// into it), so whatever it needs of a caller must be in the item.
/// </remarks>
public sealed class Coalescer<TKey, TItem, TResult>
    where TKey : notnull
{
    private sealed record Entry(TItem Item, ServerTiming.Tally? Timing)
    {
        // Answers resume each request on the thread pool, not one after another on the batch's thread.
        public readonly TaskCompletionSource<TResult> Done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Per key with a batch running: the items waiting for the next one.</summary>
    private readonly Dictionary<TKey, List<Entry>> _waiting = [];
    private readonly string _work;
    private readonly int _maxBatch;
    private readonly Func<TKey, IReadOnlyList<TItem>, Task<Answer<TResult>[]>> _run;
    private readonly Histogram<int> _sizes;

    public Coalescer(string work, int maxBatch, Func<TKey, IReadOnlyList<TItem>, Task<Answer<TResult>[]>> run, IMeterFactory meters)
    {
        _work = work;
        _maxBatch = maxBatch;
        _run = run;
        var meter = meters.Create(CoalescingMetrics.MeterPrefix + work);
        _sizes = meter.CreateHistogram<int>(CoalescingMetrics.BatchSize, "{item}", "Items answered together by one batch");
        meter.CreateObservableGauge(CoalescingMetrics.Waiting, Waiting, "{item}", "Items waiting for the batch running before them to end");
    }

    private int Waiting()
    {
        lock (_waiting) return _waiting.Values.Sum(q => q.Count);
    }

    public Task<TResult> RunAsync(TKey key, TItem item)
    {
        var entry = new Entry(item, ServerTiming.Capture());
        bool start;
        lock (_waiting)
        {
            start = !_waiting.TryGetValue(key, out var queue);
            if (start) _waiting[key] = queue = [];
            queue!.Add(entry);
        }
        if (start)
            using (ExecutionContext.SuppressFlow())
                _ = Task.Run(() => DrainAsync(key));
        return entry.Done.Task;
    }

    private async Task DrainAsync(TKey key)
    {
        while (true)
        {
            List<Entry> batch;
            lock (_waiting)
            {
                var queue = _waiting[key];
                if (queue.Count == 0)
                {
                    _waiting.Remove(key);
                    return;
                }
                batch = queue.Count <= _maxBatch ? queue : queue[.._maxBatch];
                _waiting[key] = queue.Count <= _maxBatch ? [] : queue[_maxBatch..];
            }
            await RunBatchAsync(key, batch);
        }
    }

    private async Task RunBatchAsync(TKey key, List<Entry> batch)
    {
        try
        {
            _sizes.Record(batch.Count);
            Answer<TResult>[] answers;
            using (ServerTiming.Sharing(_work, batch.Select(e => e.Timing)))
                answers = await _run(key, batch.ConvertAll(e => e.Item));
            for (var i = 0; i < batch.Count; i++)
                if (answers[i].Failure is { } failure) batch[i].Done.TrySetException(failure);
                else batch[i].Done.TrySetResult(answers[i].Value);
        }
        catch (Exception ex)
        {
            // The batch's failure is each of its requests' failure, answered as it would have been had it run alone; the
            // drain goes on, so the key's next batch is never left waiting for one that will not come.
            foreach (var e in batch) e.Done.TrySetException(ex);
        }
    }
}
