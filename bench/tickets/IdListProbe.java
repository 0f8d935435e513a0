// How a set of ids is best written into the ticket list's page statement on one database
// (docs/performance.md, "Tickets: views and search"): the due-soon set of the bench data, read
// as an array parameter, written-out numbers and marks, three times each. For a database filled
// by bench/tickets/run (stopped), e.g.
//   java -cp h2-2.4.240.jar bench/tickets/IdListProbe.java "jdbc:h2:file:/tmp/h2bench/parley;OPTIMIZE_REUSE_RESULTS=FALSE"
import java.sql.*;
import java.util.*;
public class IdListProbe {
  public static void main(String[] a) throws Exception {
    try (Connection c = DriverManager.getConnection(a[0], a.length > 1 ? a[1] : "parley", "")) {
      long now = System.currentTimeMillis(), soon = now + 3600000;
      List<Long> ids = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT id FROM ticket WHERE sla_due_at >= ? AND sla_due_at < ?")) {
        p.setLong(1, now); p.setLong(2, soon);
        try (ResultSet rs = p.executeQuery()) { while (rs.next()) ids.add(rs.getLong(1)); }
      }
      String vis = "t.merged_into_id IS NULL AND (t.group_id IS NULL OR t.assignee_id = 2 OR t.group_id IN (1) OR EXISTS (SELECT 1 FROM ticket_follower f WHERE f.ticket_id = t.id AND f.user_id = 2)) AND (t.status IN ('NEW', 'OPEN', 'PENDING'))";
      String cols = "t.id, t.number, t.subject, t.status, t.priority, t.type, t.customer_id, t.group_id, t.assignee_id, t.sla_due_at, t.due_at, t.updated_at, t.created_at";
      String tail = " AND " + vis + " ORDER BY COALESCE(t.updated_at, 0) DESC, t.id DESC LIMIT 51";
      String lit = String.join(",", ids.stream().map(String::valueOf).toList());
      String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
      for (int round = 0; round < 3; round++) {
        time(c, "ANY(?)", "SELECT " + cols + " FROM ticket t WHERE t.id = ANY(?)" + tail, ids, 1);
        time(c, "IN literals", "SELECT " + cols + " FROM ticket t WHERE t.id IN (" + lit + ")" + tail, ids, 0);
        time(c, "IN marks", "SELECT " + cols + " FROM ticket t WHERE t.id IN (" + marks + ")" + tail, ids, 2);
        time(c, "ids only", "SELECT t.id FROM ticket t WHERE t.id = ANY(?)", ids, 1);
      }
    }
  }
  static void time(Connection c, String label, String sql, List<Long> ids, int mode) throws Exception {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < 3; i++) {
        long t0 = System.nanoTime();
        if (mode == 1) p.setObject(1, ids.toArray(Long[]::new));
        if (mode == 2) for (int k = 0; k < ids.size(); k++) p.setLong(k + 1, ids.get(k));
        int n = 0;
        try (ResultSet rs = p.executeQuery()) { while (rs.next()) n++; }
        System.out.printf("%-12s %6.1f ms (%d rows)%n", label, (System.nanoTime() - t0) / 1e6, n);
      }
    }
  }
}
