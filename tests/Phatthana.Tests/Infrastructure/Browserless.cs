using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Phatthana.Tests.Infrastructure;

/// <summary>
/// Drives the server-rendered pages over HTTP the way a browser would (cookie sign-in, antiforgery tokens,
/// form posts), and parses the answers with AngleSharp.
/// </summary>
public sealed class Browserless(HttpClient client)
{
    public HttpClient Client { get; } = client;

    public static async Task<Browserless> SignInAsync(AppHost host, string email, string password)
    {
        var browser = new Browserless(host.Anonymous());
        var response = await browser.SubmitAsync("/account/login", "form.form", new() { ["Email"] = email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    public async Task<(HttpResponseMessage Response, IDocument Document)> GetAsync(string url)
    {
        var response = await Client.GetAsync(url);
        return (response, await ParseAsync(response));
    }

    /// <summary>Loads <paramref name="url"/>, fills the form picked by <paramref name="formSelector"/> and submits it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string url, string formSelector, Dictionary<string, string> fields)
    {
        var (_, page) = await GetAsync(url);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form {formSelector} on {url}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]"))
            if (!fields.ContainsKey(input.Name!)) values.Add(new(input.Name!, input.Value));
        values.AddRange(fields);
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
        return await Client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>
    /// Submits a form the way a browser does: every named control with its current value (text, selected options,
    /// ticked boxes), with <paramref name="changes"/> replacing some — for edit forms that come filled in.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitFilledAsync(string url, string formSelector, Dictionary<string, string> changes)
    {
        var (_, page) = await GetAsync(url);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form {formSelector} on {url}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            if (changes.ContainsKey(input.Name!) || input.Type is "file" or "submit") continue;
            if (input.Type is "checkbox" or "radio" && !input.IsChecked) continue;
            values.Add(new(input.Name!, input.Value));
        }
        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]").Where(s => !changes.ContainsKey(s.Name!)))
            values.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(select.Name!, o.Value)));
        foreach (var area in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]").Where(t => !changes.ContainsKey(t.Name!)))
            values.Add(new(area.Name!, area.Value));
        values.AddRange(changes);
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
        return await Client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>
    /// The fields with the antiforgery token of <paramref name="url"/>'s page, for a post the page would not offer as such (its
    /// form is hidden from this caller, or the test chooses the rows sent).
    /// </summary>
    public async Task<FormUrlEncodedContent> TokenFormAsync(string url, Dictionary<string, string> fields)
    {
        var (_, page) = await GetAsync(url);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? throw new InvalidOperationException($"No antiforgery token on {url}");
        return new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(r => r.Content(html));
    }
}
