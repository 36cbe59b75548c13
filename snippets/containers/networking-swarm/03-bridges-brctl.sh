brctl show
