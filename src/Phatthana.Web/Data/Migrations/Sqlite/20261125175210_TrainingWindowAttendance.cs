using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Phatthana.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TrainingWindowAttendance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "RegistrationClosesOn",
                table: "TrainingSessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RegistrationOpensOn",
                table: "TrainingSessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResultsApprovedBy",
                table: "TrainingSessions",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResultsReopenReason",
                table: "TrainingSessions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DaysAttended",
                table: "Registrations",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RegistrationClosesOn",
                table: "TrainingSessions");

            migrationBuilder.DropColumn(
                name: "RegistrationOpensOn",
                table: "TrainingSessions");

            migrationBuilder.DropColumn(
                name: "ResultsApprovedBy",
                table: "TrainingSessions");

            migrationBuilder.DropColumn(
                name: "ResultsReopenReason",
                table: "TrainingSessions");

            migrationBuilder.DropColumn(
                name: "DaysAttended",
                table: "Registrations");
        }
    }
}
