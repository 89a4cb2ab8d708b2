# Shared settings and steps of the Swarm scripts (deploy.sh, rollback.sh; sourced after stack-env.sh, not run).
# shellcheck shell=bash disable=SC2034

# The node label by which deploy.sh remembers that it initialised the swarm (so --remove leaves only that one).
CREATED_LABEL=nps.swarm-created-by
# The node label that places postgres, and so its volume.
POSTGRES_LABEL=nps.postgres
# The label on the secrets and configs deploy.sh makes: their key in the stack file.
OBJECT_LABEL=nps.stack-object
# How long the stack may take to converge, in seconds.
DEPLOY_TIMEOUT=${DEPLOY_TIMEOUT:-120}

# inactive, pending, active, error or locked.
swarm_state() { "$DOCKER" info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null; }

# The stack's services' names, one per line.
stack_services() { "$DOCKER" stack services "$STACK_NAME" --format '{{.Name}}' 2>/dev/null | sort; }

# The stack's volumes on this node, one per line.
stack_volumes() { "$DOCKER" volume ls -q --filter "label=com.docker.stack.namespace=$STACK_NAME"; }

# Removes every secret or config ($1) deploy.sh made that no service uses; $2 says which in the message.
remove_unused_objects() {
  local kind=$1 which=$2 name removed=0
  while read -r name; do
    [ -n "$name" ] || continue
    # A service still using it makes the engine refuse: that one is kept.
    "$DOCKER" "$kind" rm "$name" >/dev/null 2>&1 && removed=$((removed + 1))
  done < <("$DOCKER" "$kind" ls --filter "label=$OBJECT_LABEL" --format '{{.Name}}')
  ((removed == 0)) || say "removed $removed unused ${kind}s${which:+ $which}"
}

# Waits (at most 60 s) until `docker stack rm` has removed the stack's services, tasks and network: it does not wait.
wait_stack_gone() {
  local i
  for ((i = 0; i < 60; i++)); do
    if [ -z "$("$DOCKER" ps -aq --filter "label=com.docker.stack.namespace=$STACK_NAME")" ] \
      && [ -z "$("$DOCKER" network ls -q --filter "label=com.docker.stack.namespace=$STACK_NAME")" ]; then
      return 0
    fi
    sleep 1
  done
  die "the stack's containers or network are still there 60 s after docker stack rm; see docker ps and docker network ls"
}

# One service's state: "RUNNING DESIRED UPDATE", UPDATE being the state of an update started after $2 (Unix
# seconds), or "none".
service_state() {
  local service=$1 since=$2 replicas update started
  replicas=$("$DOCKER" service ls --filter "name=$service" --format '{{.Name}} {{.Replicas}}' | awk -v s="$service" '$1 == s { print $2 }')
  update=$("$DOCKER" service inspect --format '{{if .UpdateStatus}}{{.UpdateStatus.State}} {{.UpdateStatus.StartedAt.Unix}}{{end}}' "$service" 2>/dev/null)
  started=${update#* }
  if [ -z "$update" ] || [ "${started:-0}" -lt "$since" ]; then update=none; else update=${update%% *}; fi
  printf '%s %s %s\n' "${replicas%%/*}" "${replicas#*/}" "$update"
}

# Waits until every service of the stack runs as many healthy tasks as it wants (a task with a health check counts
# as running only once healthy) and none is updating, since $1 (Unix seconds), for at most $2 seconds. Prints the
# table; on a failed or rolled-back update, or at the deadline, prints each service that did not converge with its
# tasks' states and errors and the end of its log, and returns 1.
wait_converged() {
  local since=$1 timeout=$2 deadline service running desired update pending failed
  deadline=$(($(date +%s) + timeout))
  while :; do
    pending=() failed=()
    while read -r service; do
      read -r running desired update < <(service_state "$service" "$since")
      case "$update" in
        updating | rollback_started) pending+=("$service") ;;
        paused | rollback_paused | rollback_completed) failed+=("$service") ;;
        *) [ "$running" = "$desired" ] && [ "$desired" -gt 0 ] || pending+=("$service") ;;
      esac
    done < <(stack_services)
    [ -n "$(stack_services)" ] || pending+=("(no service yet)")
    if ((${#failed[@]} == 0 && ${#pending[@]} == 0)); then
      print_services
      return 0
    fi
    if ((${#failed[@]} > 0)) || (($(date +%s) >= deadline)); then
      print_services
      for service in "${failed[@]}" "${pending[@]}"; do
        [ "$service" = "(no service yet)" ] && continue
        read -r running desired update < <(service_state "$service" "$since")
        printf '%s%s: %s of %s tasks running healthy, update: %s; its tasks (docker service ps %s):%s\n' \
          "$RED" "$service" "$running" "$desired" "$update" "$service" "$RESET" >&2
        "$DOCKER" service ps --no-trunc --format '  {{.Name}} {{.Image}} desired {{.DesiredState}}, {{.CurrentState}} {{.Error}}' \
          "$service" 2>&1 | head -n 8 >&2
        printf '  last log lines (docker service logs %s):\n' "$service" >&2
        "$DOCKER" service logs --tail 10 --no-task-ids "$service" 2>&1 | sed 's/^/  /' | tail -n 10 >&2
      done
      return 1
    fi
    sleep 2
  done
}

# The table of the stack's services: replicas, image, update state.
print_services() {
  printf '\n  %-18s %-9s %-32s %s\n' SERVICE REPLICAS IMAGE UPDATE >&2
  "$DOCKER" service ls --filter "label=com.docker.stack.namespace=$STACK_NAME" --format '{{.Name}} {{.Replicas}} {{.Image}}' \
    | sort | while read -r service replicas image; do
      printf '  %-18s %-9s %-32s %s\n' "$service" "$replicas" "$image" \
        "$("$DOCKER" service inspect --format '{{if .UpdateStatus}}{{.UpdateStatus.State}}{{else}}-{{end}}' "$service")" >&2
    done
  echo >&2
}

# This engine's node ID (`docker node update` does not take "self").
this_node() { "$DOCKER" info --format '{{.Swarm.NodeID}}'; }
