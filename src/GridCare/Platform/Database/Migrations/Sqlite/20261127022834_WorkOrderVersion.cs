using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridCare.Platform.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkOrderVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "WorkOrders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "WorkOrders");
        }
    }
}
