using Microsoft.AspNetCore.Authorization;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Organisation.Lookups;

[Authorize(Policy = Policies.SignedIn)]
public sealed class DistrictsModel(AppDbContext db, RouteScope route, UserScope scope, SaveNamedItem<District> save)
    : NamedItemsPageModel<District>(db, route, scope, save)
{
    public override string Title => "อำเภอในเขตพื้นที่";
    public override string ItemLabel => "อำเภอ";
    public override string? UsedByLabel => "จำนวนสถานศึกษา";

    protected override IQueryable<NamedItemRow> Rows(IQueryable<District> items) =>
        items.Select(d => new NamedItemRow { Id = d.Id, Name = d.Name, Version = d.Version, UsedBy = Db.Schools.Count(s => s.DistrictId == d.Id) });
}
