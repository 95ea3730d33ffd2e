using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GridCare.Platform.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClassificationCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClassificationCorrections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    WorkOrderNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SuggestedType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SuggestedComplaintClass = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ChosenType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ChosenComplaintClass = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ModelVersion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClassificationCorrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClassificationCorrections_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClassificationCorrections_OrgUnitId_AtUtc",
                table: "ClassificationCorrections",
                columns: new[] { "OrgUnitId", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClassificationCorrections");
        }
    }
}
