using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Phatthana.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// SQLite adds a foreign key by rebuilding the table with its own foreign keys off, which cannot run inside a
    /// transaction; alone in this migration (EF's advice), the columns and index before it commit as one step.
    /// </summary>
    public partial class CourseNeedTopicKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddForeignKey(
                name: "FK_Courses_DevelopmentTopics_NeedTopicId",
                table: "Courses",
                column: "NeedTopicId",
                principalTable: "DevelopmentTopics",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Courses_DevelopmentTopics_NeedTopicId",
                table: "Courses");
        }
    }
}
