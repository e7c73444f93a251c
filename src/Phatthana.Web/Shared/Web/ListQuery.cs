using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Phatthana.Web.Shared.Web;

/// <summary>What a list page was asked for: search text, sort column and direction, page. Bound from the query string.</summary>
public sealed class ListQuery
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    public string? Q { get; set; }
    public string? Sort { get; set; }
    public string? Dir { get; set; }
    public int Page { get; set; } = 1;
    public int Size { get; set; } = DefaultPageSize;

    public bool Descending => string.Equals(Dir, "desc", StringComparison.OrdinalIgnoreCase);
    public string? Search => string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();
    public int SafeSize => Math.Clamp(Size, 1, MaxPageSize);
    public int SafePage => Math.Max(1, Page);
}

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int Size)
{
    public int PageCount => Math.Max(1, (Total + Size - 1) / Size);
    public int FirstRow => Total == 0 ? 0 : (Page - 1) * Size + 1;
    public int LastRow => Math.Min(Total, Page * Size);
}

/// <summary>The sort keys a list accepts, each mapped to a column expression; unknown keys fall back to the default.</summary>
public sealed class SortMap<T>(string defaultKey)
{
    private readonly Dictionary<string, Func<IQueryable<T>, bool, IOrderedQueryable<T>>> _sorts = new(StringComparer.OrdinalIgnoreCase);

    public string DefaultKey { get; } = defaultKey;

    public SortMap<T> Add<TKey>(string key, Expression<Func<T, TKey>> column)
    {
        _sorts[key] = (q, desc) => desc ? q.OrderByDescending(column) : q.OrderBy(column);
        return this;
    }

    /// <summary>A key whose ties are broken by a second column (surname after first name), so pages never shuffle.</summary>
    public SortMap<T> Add<TKey, TThen>(string key, Expression<Func<T, TKey>> column, Expression<Func<T, TThen>> then)
    {
        _sorts[key] = (q, desc) => desc ? q.OrderByDescending(column).ThenByDescending(then) : q.OrderBy(column).ThenBy(then);
        return this;
    }

    /// <summary>A key whose natural order is newest first (rounds, dates): ascending asks for newest first, "desc" for oldest.</summary>
    public SortMap<T> AddNewestFirst<TKey, TThen>(string key, Expression<Func<T, TKey>> column, Expression<Func<T, TThen>> then)
    {
        _sorts[key] = (q, desc) => desc ? q.OrderBy(column).ThenBy(then) : q.OrderByDescending(column).ThenByDescending(then);
        return this;
    }

    public IOrderedQueryable<T> Apply(IQueryable<T> query, ListQuery list) =>
        _sorts.TryGetValue(list.Sort ?? "", out var sort) ? sort(query, list.Descending) : _sorts[DefaultKey](query, false);
}

public static class PagingExtensions
{
    public static async Task<PagedList<T>> ToPagedAsync<T>(this IQueryable<T> query, ListQuery list, CancellationToken ct = default)
    {
        var total = await query.CountAsync(ct);
        var size = list.SafeSize;
        var page = Math.Min(list.SafePage, Math.Max(1, (total + size - 1) / size));
        var items = await query.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new PagedList<T>(items, total, page, size);
    }

    /// <summary>A page of rows already in memory (summaries computed per school), clamped like the database pages.</summary>
    public static PagedList<T> ToPaged<T>(this IReadOnlyList<T> rows, ListQuery list)
    {
        var size = list.SafeSize;
        var page = Math.Min(list.SafePage, Math.Max(1, (rows.Count + size - 1) / size));
        return new PagedList<T>(rows.Skip((page - 1) * size).Take(size).ToList(), rows.Count, page, size);
    }
}

/// <summary>What the pager partial needs, free of the row type.</summary>
public sealed record PagerModel(int Page, int PageCount, int Total, int FirstRow, int LastRow)
{
    public static PagerModel From<T>(PagedList<T> list) => new(list.Page, list.PageCount, list.Total, list.FirstRow, list.LastRow);
}

public static class QueryLinks
{
    /// <summary>The current query string with some keys replaced (null removes a key): sort, page and export links.</summary>
    public static string With(HttpRequest request, params (string Key, string? Value)[] changes)
    {
        var next = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in request.Query) next[k] = v.ToString();
        foreach (var (k, v) in changes)
        {
            if (v is null) next.Remove(k);
            else next[k] = v;
        }
        return request.Path + QueryString.Create(next.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToString();
    }
}

/// <summary>The toolbar above a list: search placeholder, extra filter controls, the create button when allowed.</summary>
public sealed record ListToolbar(string Placeholder, string? CreateHref = null, string? CreateLabel = null,
    Microsoft.AspNetCore.Html.IHtmlContent? Filters = null);
