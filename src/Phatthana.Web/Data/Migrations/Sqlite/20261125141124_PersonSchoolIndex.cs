using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Phatthana.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PersonSchoolIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_People_AreaId_SchoolId_FirstName",
                table: "People",
                columns: new[] { "AreaId", "SchoolId", "FirstName" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_AreaId_SchoolId_FirstName",
                table: "People");
        }
    }
}
