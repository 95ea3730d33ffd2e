using System.Data.Common;
using GridCare.Domain.Sla;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace GridCare.Features.Demo;

/// <summary>
/// Bulk-writes generated interruption history: a county has a few hundred thousand rows, which tracked entities would
/// add tens of seconds to the first start. PostgreSQL takes them by binary COPY, SQLite by one prepared insert reused
/// inside the caller's transaction. The values are those <c>InterruptionRecord.Start</c> and <c>Restore</c> set.
/// </summary>
internal static class DemoInterruptionWriter
{
    private static readonly string[] ParameterNames = ["$key", "$customer", "$unit", "$feeder", "$at", "$on", "$restored", "$seconds", "$planned"];

    private const string Columns =
        "\"EventKey\", \"CustomerId\", \"OrgUnitId\", \"FeederId\", \"InterruptedAt\", \"InterruptedOn\", \"RestoredAt\", \"DurationSeconds\", \"Planned\", \"SupplyShortage\"";

    public static async Task WriteAsync(AppDbContext db, IReadOnlyList<DemoInterruption> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var connection = db.Database.GetDbConnection();
        if (connection is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, rows, cancellationToken);
        }
        else
        {
            await InsertAsync(db, connection, rows, cancellationToken);
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<DemoInterruption> rows, CancellationToken cancellationToken)
    {
        await using var import = await connection.BeginBinaryImportAsync($"COPY \"InterruptionRecords\" ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await import.StartRowAsync(cancellationToken);
            await import.WriteAsync(row.EventKey, NpgsqlDbType.Varchar, cancellationToken);
            await import.WriteAsync(row.CustomerId, NpgsqlDbType.Bigint, cancellationToken);
            await import.WriteAsync(row.OrgUnitId, NpgsqlDbType.Integer, cancellationToken);
            await import.WriteAsync(row.FeederId, NpgsqlDbType.Bigint, cancellationToken);
            await import.WriteAsync(row.InterruptedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await import.WriteAsync(ChinaTime.DateOf(row.InterruptedAt), NpgsqlDbType.Date, cancellationToken);
            await import.WriteAsync(row.RestoredAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await import.WriteAsync(Seconds(row), NpgsqlDbType.Integer, cancellationToken);
            await import.WriteAsync(row.Planned, NpgsqlDbType.Boolean, cancellationToken);
            await import.WriteAsync(false, NpgsqlDbType.Boolean, cancellationToken);
        }

        await import.CompleteAsync(cancellationToken);
    }

    private static async Task InsertAsync(AppDbContext db, DbConnection connection, IReadOnlyList<DemoInterruption> rows, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO \"InterruptionRecords\" ({Columns}) VALUES ($key, $customer, $unit, $feeder, $at, $on, $restored, $seconds, $planned, 0)";
        var parameters = ParameterNames
            .Select(name =>
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
                return parameter;
            })
            .ToArray();
        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            parameters[0].Value = row.EventKey;
            parameters[1].Value = row.CustomerId;
            parameters[2].Value = row.OrgUnitId;
            parameters[3].Value = row.FeederId;
            parameters[4].Value = row.InterruptedAt;
            parameters[5].Value = ChinaTime.DateOf(row.InterruptedAt);
            parameters[6].Value = row.RestoredAt;
            parameters[7].Value = Seconds(row);
            parameters[8].Value = row.Planned;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static int Seconds(DemoInterruption row) => (int)Math.Round((row.RestoredAt - row.InterruptedAt).TotalSeconds);
}
