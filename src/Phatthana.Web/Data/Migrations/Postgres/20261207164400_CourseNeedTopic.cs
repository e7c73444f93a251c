using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Phatthana.Web.Data.Migrations.Postgres
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "NeedTopicId",
                table: "Courses",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Courses_NeedTopicId",
                table: "Courses",
                column: "NeedTopicId");

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
