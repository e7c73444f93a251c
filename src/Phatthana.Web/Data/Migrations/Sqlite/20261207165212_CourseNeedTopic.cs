using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Phatthana.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CourseNeedTopic : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "NeedFiscalYear",
                table: "Courses",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "NeedTopicId",
                table: "Courses",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Courses_NeedTopicId",
                table: "Courses",
                column: "NeedTopicId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Courses_NeedTopicId",
                table: "Courses");

            migrationBuilder.DropColumn(
                name: "NeedFiscalYear",
                table: "Courses");

            migrationBuilder.DropColumn(
                name: "NeedTopicId",
                table: "Courses");
        }
    }
}
