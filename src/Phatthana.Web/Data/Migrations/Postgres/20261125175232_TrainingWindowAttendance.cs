using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Phatthana.Web.Data.Migrations.Postgres
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
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RegistrationOpensOn",
                table: "TrainingSessions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResultsApprovedBy",
                table: "TrainingSessions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResultsReopenReason",
                table: "TrainingSessions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<List<DateOnly>>(
                name: "DaysAttended",
                table: "Registrations",
                type: "date[]",
                nullable: false,
                defaultValueSql: "'{}'::date[]");
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
