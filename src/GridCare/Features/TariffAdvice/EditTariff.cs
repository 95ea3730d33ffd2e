using System.ComponentModel.DataAnnotations;
using GridCare.Analytics.Tariffs;
using GridCare.Domain.Customers;
using GridCare.Platform;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.TariffAdvice;

public sealed record TariffResponse(
    string Code, string Name, string Kind, IReadOnlyList<string> Categories, double FlatPrice, string BlockPeriod, string Blocks, string Periods, string Note, DateTime UpdatedAt, string UpdatedBy);

/// <summary>A tariff as an administrator writes it; blocks and periods in the text forms shown on the tariffs page.</summary>
public sealed record EditTariffRequest(
    [property: Required, StringLength(100, MinimumLength = 1)] string Name,
    TariffKind Kind,
    [property: Required, MinLength(1)] IReadOnlyList<CustomerCategory> Categories,
    [property: Range(0, 100)] double FlatPrice,
    BlockPeriod BlockPeriod,
    [property: StringLength(500)] string? Blocks,
    [property: StringLength(1000)] string? Periods,
    [property: StringLength(500)] string? Note);

/// <summary>Lists the tariff tables and creates or replaces one; a table that cannot price a bill is refused, naming the field.</summary>
public sealed class EditTariff(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public async Task<List<TariffResponse>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return [.. (await db.Set<TariffTable>().AsNoTracking().ToListAsync(cancellationToken)).OrderBy(t => t.Code, StringComparer.Ordinal).Select(ToResponse)];
    }

    public async Task<(TariffResponse? Tariff, Dictionary<string, string[]>? Errors)> HandleAsync(string code, EditTariffRequest request, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scope);
        var errors = new Dictionary<string, string[]>();
        if (code.Length is 0 or > 32 || code.Any(ch => !(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_')))
        {
            errors["code"] = ["A code has 1 to 32 letters, digits, '-' or '_'."];
        }

        var blockErrors = new List<string>();
        var periodErrors = new List<string>();
        var tariff = new Tariff(
            code, request.Name, request.Kind, request.FlatPrice, request.BlockPeriod,
            request.Kind == TariffKind.Tiered ? TariffText.ParseBlocks(request.Blocks, blockErrors) : [],
            request.Kind == TariffKind.TimeOfUse ? TariffText.ParsePeriods(request.Periods, periodErrors) : []);
        if (blockErrors.Count > 0 || periodErrors.Count > 0)
        {
            Add(errors, "blocks", blockErrors);
            Add(errors, "periods", periodErrors);
        }
        else if (tariff.Problems() is { Count: > 0 } problems)
        {
            Add(errors, request.Kind switch { TariffKind.Tiered => "blocks", TariffKind.TimeOfUse => "periods", _ => "flatPrice" }, problems);
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var table = await db.Set<TariffTable>().FirstOrDefaultAsync(t => t.Code == code, cancellationToken);
        if (table is null)
        {
            table = TariffTable.Create(code);
            db.Add(table);
        }

        table.Edit(
            request.Name.Trim(), request.Kind, string.Join(',', request.Categories.Distinct().Select(ApiEnums.Name)), request.FlatPrice, request.BlockPeriod,
            TariffText.FormatBlocks(tariff.Blocks), TariffText.FormatPeriods(tariff.Periods), request.Note?.Trim() ?? string.Empty, time.GetUtcNow().UtcDateTime, scope.UserName);
        await db.SaveChangesAsync(cancellationToken);
        return (ToResponse(table), null);
    }

    private static void Add(Dictionary<string, string[]> errors, string field, IReadOnlyList<string> messages)
    {
        if (messages.Count > 0)
        {
            errors[field] = [.. messages];
        }
    }

    private static TariffResponse ToResponse(TariffTable t) => new(
        t.Code, t.Name, ApiEnums.Name(t.Kind), t.CategoryList, t.FlatPrice, ApiEnums.Name(t.BlockPeriod), t.Blocks, t.Periods, t.Note, t.UpdatedAt, t.UpdatedBy);
}
