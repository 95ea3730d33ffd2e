namespace GridCare.Platform;

/// <summary>One page of a list with the total count, the shape of every paged <c>/api/v1</c> list.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
