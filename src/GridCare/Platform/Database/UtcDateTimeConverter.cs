using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GridCare.Platform.Database;

/// <summary>
/// Instants are stored as UTC and must come back as UTC: SQLite has no time zone in its text format, so without this
/// a reloaded deadline would have an unspecified kind and the SLA clock (rightly) refuses it.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
