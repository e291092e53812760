export { listAssumableRoles, listOwnPolicyNames } from "./own";
export { getUser, listUserChoices, listUsers } from "./users";
export { getGroup, getNamed, getRole, listGroups, listRoles } from "./named";
export { listPolicyUsage } from "./policies";
