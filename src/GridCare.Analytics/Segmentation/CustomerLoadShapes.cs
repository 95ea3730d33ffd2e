using DuckDB.NET.Data;
using GridCare.Analytics.MeterData;
using GridCare.Analytics.MeterData.Analysis;
using GridCare.Analytics.MeterData.Import;

namespace GridCare.Analytics.Segmentation;

/// <summary>A customer's stored mean day (kWh per 15-minute slot) and the analysed days it averages.</summary>
public sealed record StoredLoadShape(DateOnly From, DateOnly To, IReadOnlyList<double> Kwh);

/// <summary>What a refresh wrote.</summary>
public sealed record LoadShapeRefresh(DateOnly From, DateOnly To, int Customers, TimeSpan Elapsed);

/// <summary>
/// Every customer's mean day over the last <see cref="WindowDays"/> analysed days, kept in the meter store
/// (<c>customer_load_shapes</c>) so the 360° profile reads one customer's 96 values. Computing it on request means
/// comparing the meter number of every stored reading (readings are stored in arrival order, not by meter): at city
/// size that scan alone takes several times the profile's 200 ms. The refresh does that work once for everyone, when
/// the newest analysed day changes or the shapes are a day old; it is the same computation as
/// <see cref="LoadProfileReader.MeanDaysAsync"/>.
/// </summary>
public sealed class CustomerLoadShapes(MeterStore store, TimeProvider time) : IDisposable
{
    public const int WindowDays = 30;
    private static readonly TimeSpan MaxAge = TimeSpan.FromDays(1);
    private readonly SemaphoreSlim refreshing = new(1, 1);

    /// <summary>Rebuilds the shapes when stale (or <paramref name="force"/>); null when nothing was analysed or they are current.</summary>
    public async Task<LoadShapeRefresh?> RefreshAsync(bool force, CancellationToken cancellationToken)
    {
        await refreshing.WaitAsync(cancellationToken);
        try
        {
            var started = time.GetTimestamp();
            var now = time.GetUtcNow().UtcDateTime;
            await using var connection = await store.OpenAsync(cancellationToken);
            if (await ReadingImporter.Scalar(connection, "SELECT max(day) FROM meter_analysis_days", cancellationToken) is not DateOnly last)
            {
                return null;
            }

            var built = await AnalysisRows.ListAsync(
                store, "SELECT last_day, built_at FROM customer_load_shape_window", r => (Last: r.Date("last_day"), At: r.Utc("built_at")!.Value), cancellationToken);
            if (!force && built is [var current] && current.Last == last && now - current.At < MaxAge)
            {
                return null;
            }

            var first = last.AddDays(1 - WindowDays);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                DELETE FROM customer_load_shapes;
                INSERT INTO customer_load_shapes
                WITH m AS ({LoadProfileReader.MeanDaySql(null)})
                SELECT customer_id, slot, kwh FROM m
                WHERE customer_id IN (SELECT customer_id FROM m GROUP BY customer_id HAVING count(*) = {LoadProfileReader.Slots})
                ORDER BY customer_id, slot;
                DELETE FROM customer_load_shape_window;
                INSERT INTO customer_load_shape_window
                SELECT $first, $last, $now, (SELECT count(DISTINCT customer_id) FROM customer_load_shapes);
                """;
            command.Parameters.Add(new DuckDBParameter("from", LoadProfileReader.Utc(first)));
            command.Parameters.Add(new DuckDBParameter("to", LoadProfileReader.Utc(last.AddDays(1))));
            command.Parameters.Add(new DuckDBParameter("first", first));
            command.Parameters.Add(new DuckDBParameter("last", last));
            command.Parameters.Add(new DuckDBParameter("now", DateTime.SpecifyKind(now, DateTimeKind.Unspecified)));
            await command.ExecuteNonQueryAsync(cancellationToken);
            var customers = Convert.ToInt32(await ReadingImporter.Scalar(connection, "SELECT customers FROM customer_load_shape_window", cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            await transaction.CommitAsync(cancellationToken);
            return new LoadShapeRefresh(first, last, customers, time.GetElapsedTime(started));
        }
        finally
        {
            refreshing.Release();
        }
    }

    /// <summary>The customer's stored mean day, or null when the last refresh found a slot of theirs never read.</summary>
    public async Task<StoredLoadShape?> ReadAsync(long customerId, CancellationToken cancellationToken)
    {
        var rows = await AnalysisRows.ListAsync(
            store,
            """
            SELECT s.slot, s.kwh, w.first_day, w.last_day
            FROM customer_load_shapes s, customer_load_shape_window w
            WHERE s.customer_id = $customer ORDER BY s.slot
            """,
            r => (Kwh: r.Double("kwh") ?? 0, From: r.Date("first_day"), To: r.Date("last_day")),
            cancellationToken,
            ("customer", customerId));
        return rows.Count == LoadProfileReader.Slots ? new StoredLoadShape(rows[0].From, rows[0].To, [.. rows.Select(r => r.Kwh)]) : null;
    }

    public void Dispose() => refreshing.Dispose();
}
