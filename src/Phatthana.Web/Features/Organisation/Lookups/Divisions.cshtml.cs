using Microsoft.AspNetCore.Authorization;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Organisation.Lookups;

[Authorize(Policy = Policies.SignedIn)]
public sealed class DivisionsModel(AppDbContext db, RouteScope route, UserScope scope, SaveNamedItem<Division> save)
    : NamedItemsPageModel<Division>(db, route, scope, save)
{
    public override string Title => "กลุ่มงานในสำนักงานเขตพื้นที่";
    public override string ItemLabel => "กลุ่มงาน";
    public override string? UsedByLabel => null;

    // Personnel (a later feature) will count the people working in each division here and show the column.
    protected override IQueryable<NamedItemRow> Rows(IQueryable<Division> items) =>
        items.Select(d => new NamedItemRow { Id = d.Id, Name = d.Name, Version = d.Version, UsedBy = 0 });
}
