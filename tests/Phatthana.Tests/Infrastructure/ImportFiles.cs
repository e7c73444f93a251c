using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MiniExcelLibs;

namespace Phatthana.Tests.Infrastructure;

/// <summary>One error of a 422 import answer.</summary>
public sealed record ImportError(int? Row, string Field, string Message);

/// <summary>
/// Builds import files in memory — .xlsx with MiniExcel, .csv as text in any encoding — and uploads them as a person
/// would: multipart, field <c>file</c>.
/// </summary>
public static class ImportFiles
{
    static ImportFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>An .xlsx whose first sheet holds <paramref name="rows"/> from A1 (no header of its own: the rows include it).</summary>
    public static byte[] Xlsx(IEnumerable<object?[]> rows)
    {
        var list = rows.ToList();
        var width = list.Max(r => r.Length);
        var keys = Enumerable.Range(0, width).Select(i => ((char)('A' + i)).ToString()).ToArray();
        var dicts = list.Select(r =>
        {
            var d = new Dictionary<string, object?>();
            for (var i = 0; i < width; i++) d[keys[i]] = i < r.Length ? r[i] : null;
            return (IDictionary<string, object?>)d;
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(dicts, printHeader: false, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>A .csv of the rows, UTF-8 without a BOM unless <paramref name="encoding"/> says otherwise.</summary>
    public static byte[] Csv(IEnumerable<object?[]> rows, Encoding? encoding = null)
    {
        var text = new StringBuilder();
        foreach (var row in rows) text.Append(string.Join(",", row.Select(Quote))).Append("\r\n");
        return (encoding ?? new UTF8Encoding(false)).GetBytes(text.ToString());
    }

    public static Encoding ThaiAnsi => Encoding.GetEncoding(874);

    private static string Quote(object? cell)
    {
        var s = Convert.ToString(cell, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{s.Replace("\"", "\"\"")}\"" : s;
    }

    /// <summary>POSTs <paramref name="content"/> as the multipart field <c>file</c>.</summary>
    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, string url, byte[] content, string fileName)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
            ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", fileName);
        return client.PostAsync(url, form);
    }

    /// <summary>POST /api/v1/areas/{area}/imports/{kind}[?query].</summary>
    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, string area, string kind, byte[] content, string fileName, string? query = null) =>
        client.UploadAsync($"/api/v1/areas/{area}/imports/{kind}{(query is null ? "" : "?" + query)}", content, fileName);

    /// <summary>The same rows as .xlsx and as .csv, with the file name each would have.</summary>
    public static IEnumerable<(byte[] Content, string FileName)> BothFormats(IReadOnlyList<object?[]> rows, string name = "import") =>
        [(Xlsx(rows), name + ".xlsx"), (Csv(rows), name + ".csv")];

    /// <summary>The 200 answer's counts.</summary>
    public static async Task<(int Rows, int Created, int Updated)> ImportedAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        var body = System.Text.Json.JsonDocument.Parse(text).RootElement;
        return (body.GetProperty("rows").GetInt32(), body.GetProperty("created").GetInt32(), body.GetProperty("updated").GetInt32());
    }

    /// <summary>The 422 answer's errors (asserts it is a 422 problem).</summary>
    public static async Task<ImportError[]> ImportErrorsAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = System.Text.Json.JsonDocument.Parse(text).RootElement;
        return body.GetProperty("errors").EnumerateArray().Select(e => new ImportError(
            e.TryGetProperty("row", out var row) ? row.GetInt32() : null,
            e.GetProperty("field").GetString()!, e.GetProperty("message").GetString()!)).ToArray();
    }
}
