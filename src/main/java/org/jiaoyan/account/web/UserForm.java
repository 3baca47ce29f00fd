package org.jiaoyan.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jiaoyan.account.RoleGrant;
import org.jiaoyan.account.UserAccount;
import org.jiaoyan.security.Role;
import org.jspecify.annotations.Nullable;

/** Create/edit form of an account: roles as checkboxes, each with the unit it applies to (region, school or group). */
public class UserForm {

    private int version;
    @NotBlank
    @Size(max = 64)
    private String username = "";
    private String password = "";
    private @Nullable Long personId;
    @Size(max = 50)
    private String displayName = "";
    private boolean enabled = true;
    private List<Role> roles = new ArrayList<>();
    private Map<Role, Long> units = new EnumMap<>(Role.class);

    static UserForm of(UserAccount a) {
        UserForm f = new UserForm();
        f.version = a.version();
        f.username = a.username();
        f.personId = a.personId();
        f.displayName = a.displayName();
        f.enabled = a.enabled();
        a.roles().forEach(g -> {
            f.roles.add(g.role());
            if (g.unitId() != null) {
                f.units.put(g.role(), g.unitId());
            }
        });
        return f;
    }

    List<RoleGrant> grants() {
        return roles.stream().distinct().map(r -> new RoleGrant(r, units.get(r))).toList();
    }

    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username == null ? "" : username.trim(); }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password == null ? "" : password; }
    public @Nullable Long getPersonId() { return personId; }
    public void setPersonId(@Nullable Long personId) { this.personId = personId; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName == null ? "" : displayName; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public List<Role> getRoles() { return roles; }
    public void setRoles(List<Role> roles) { this.roles = roles == null ? new ArrayList<>() : roles; }
    public Map<Role, Long> getUnits() { return units; }
    public void setUnits(Map<Role, Long> units) { this.units = units == null ? new EnumMap<>(Role.class) : units; }
}
