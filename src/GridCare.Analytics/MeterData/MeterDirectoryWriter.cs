namespace GridCare.Analytics.MeterData;

/// <summary>
/// Replaces the store's copy of the network (meters and transformers) in one transaction, so an analysis running
/// at the same time sees either the old directory or the new one, never half of each.
/// </summary>
public static class MeterDirectoryWriter
{
    public static async Task ReplaceAsync(
        MeterStore store,
        IEnumerable<MeterDirectoryEntry> meters,
        IEnumerable<TransformerDirectoryEntry> transformers,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(transformers);
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var clear = connection.CreateCommand())
        {
            clear.CommandText = "DELETE FROM meter_directory; DELETE FROM transformer_directory;";
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        using (var appender = connection.CreateAppender("meter_directory"))
        {
            foreach (var m in meters)
            {
                appender.CreateRow()
                    .AppendValue(m.MeterNo).AppendValue(m.CustomerId).AppendValue(m.AccountNumber).AppendValue(m.Category)
                    .AppendValue(m.ContractedKva).AppendValue(m.HasGeneration).AppendValue((sbyte)m.Phases)
                    .AppendValue(m.TransformerCode).AppendValue(m.FeederCode).AppendValue(m.SubstationCode).AppendValue(m.OrgUnitId)
                    .EndRow();
            }
        }

        using (var appender = connection.CreateAppender("transformer_directory"))
        {
            foreach (var t in transformers)
            {
                appender.CreateRow()
                    .AppendValue(t.TransformerCode).AppendValue(t.Name).AppendValue(t.RatedKva).AppendValue(t.FeederCode)
                    .AppendValue(t.SubstationCode).AppendValue(t.OrgUnitId).AppendValue(t.AreaType)
                    .EndRow();
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
